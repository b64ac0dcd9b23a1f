import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import type { Workspace } from '../../workspace.ts';
import { PolicyPage } from '../library/policy-page.svelte.ts';
import { VersionTexts } from './version-history.svelte.ts';
import type { Redline } from './policy-redline.ts';

/**
 * Comparing two versions of one policy: which two (asked by number, the older first whichever
 * order they were asked in; by default the newest against the one before), and the redline
 * once both texts are read.
 */
export class PolicyComparison {
  readonly page: PolicyPage;
  readonly texts = new VersionTexts();
  readonly #asked: { from: number | undefined; to: number | undefined };

  constructor(workspace: Workspace, policyId: string, from?: number, to?: number) {
    this.page = new PolicyPage(workspace, policyId);
    this.#asked = { from, to };
  }

  /** Oldest first, for the pickers. */
  get versions(): PolicyVersion[] {
    return [...this.page.versions].reverse();
  }

  get pair(): { older: PolicyVersion; newer: PolicyVersion } | undefined {
    const versions = this.page.versions;
    const find = (n: number | undefined) =>
      n === undefined ? undefined : versions.find((v) => v.versionNumber === n);
    const newer = find(this.#asked.to) ?? versions[0];
    const older =
      find(this.#asked.from) ??
      versions.find((v) => newer && v.versionNumber < newer.versionNumber);
    if (!older || !newer || older === newer) return undefined;
    return older.versionNumber < newer.versionNumber
      ? { older, newer }
      : { older: newer, newer: older };
  }

  /** A version asked for by number that this policy does not have. */
  get missing(): number[] {
    const numbers = this.page.versions.map((v) => v.versionNumber);
    return [this.#asked.from, this.#asked.to].filter(
      (n): n is number => n !== undefined && !numbers.includes(n),
    );
  }

  get redline(): Redline | undefined {
    const pair = this.pair;
    return pair ? this.texts.redline(pair.older, pair.newer) : undefined;
  }

  /** Reads the two texts compared (call from an effect: it follows the versions as they sync). */
  readPair(): void {
    const pair = this.pair;
    if (pair) this.texts.read([pair.older, pair.newer]);
  }
}
