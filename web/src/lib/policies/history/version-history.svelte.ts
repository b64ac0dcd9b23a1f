import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import { SvelteMap } from 'svelte/reactivity';
import type { PolicyBlock } from '../print/policy-blocks.ts';
import { policyRedline, sameText, type Redline } from './policy-redline.ts';

/** Whether a version's text differs from the one before it. */
export type Revision = 'first' | 'revised' | 'unchanged';

/**
 * The texts of one policy's versions as blocks, read once per stored state (a draft being
 * written is read again when its text changes), for the history's "revised"/"unchanged" marks
 * and for comparing any two versions. Reading a text is Yjs's work, loaded with the first one.
 */
export class VersionTexts {
  readonly #blocks = new SvelteMap<string, { text: string; blocks: PolicyBlock[] }>();
  /** Texts being read, by version id (not state: only this class looks at it). */
  readonly #reading: Record<string, string> = {};
  problem = $state<string | null>(null);

  /** Reads every version not yet read (or whose text changed since). */
  read(versions: readonly PolicyVersion[]): void {
    for (const version of versions) {
      const known = this.#blocks.get(version.id);
      if (known?.text === version.text || this.#reading[version.id] === version.text) continue;
      this.#reading[version.id] = version.text;
      import('../print/policy-render.ts')
        .then(({ renderPolicyText }) => renderPolicyText(version.text))
        .then(({ blocks }) => {
          if (this.#reading[version.id] !== version.text) return;
          delete this.#reading[version.id];
          this.#blocks.set(version.id, { text: version.text, blocks });
        })
        .catch((error: unknown) => {
          delete this.#reading[version.id];
          console.error('ClinicDesk could not read a policy version', error);
          this.problem = `Version ${version.versionNumber}'s text could not be read on this device.`;
        });
    }
  }

  blocksOf(version: PolicyVersion): PolicyBlock[] | undefined {
    const known = this.#blocks.get(version.id);
    return known?.text === version.text ? known.blocks : undefined;
  }

  /** Against the version numbered just before it; `undefined` while either text is read. */
  revisionOf(version: PolicyVersion, versions: readonly PolicyVersion[]): Revision | undefined {
    const previous = versions
      .filter((other) => other.versionNumber < version.versionNumber)
      .sort((a, b) => b.versionNumber - a.versionNumber)[0];
    if (!previous) return 'first';
    const [before, after] = [this.blocksOf(previous), this.blocksOf(version)];
    if (!before || !after) return undefined;
    return sameText(before, after) ? 'unchanged' : 'revised';
  }

  /** The redline from `older` to `newer`; `undefined` while either text is read. */
  redline(older: PolicyVersion, newer: PolicyVersion): Redline | undefined {
    const [before, after] = [this.blocksOf(older), this.blocksOf(newer)];
    return before && after ? policyRedline(before, after) : undefined;
  }
}

export const REVISION_WORDS: Record<Revision, string> = {
  first: 'First version',
  revised: 'Revised',
  unchanged: 'Text unchanged',
};
