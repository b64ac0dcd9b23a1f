import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { heldBy } from '@clinicdesk/shared/filing/legal-hold/held-by.ts';
import type { LegalHold } from '@clinicdesk/shared/filing/legal-hold.schema.ts';
import { liveDocument } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { numberedVersions, type NumberedVersion } from './document-versions.ts';
import { FilingLookups } from './filing-lookups.svelte.ts';
import { PatientNames } from './patient-names.svelte.ts';

/** A move as its history lists it, newest first, in words. */
export type MoveLine = { id: string; at: string; by: string; what: string[] };

/**
 * One document's page (`/filing/documents/[id]`), live from the device: the record (edits from
 * other tablets appear as they land), its versions numbered from the earliest, the version shown,
 * its moves in words, and the legal holds that stand over it. A document outside what this
 * person may read is never on the device: `doc` is then null.
 */
export class DocumentPage {
  readonly lookups: FilingLookups;
  readonly names: PatientNames;
  readonly #record: { readonly current: FiledDocument | null | undefined };
  /** The version asked for; the latest when none. */
  versionId = $state<string | null>(null);

  constructor(workspace: Workspace, id: string) {
    this.lookups = new FilingLookups(workspace);
    this.#record = liveDocument(workspace, 'filedDocument', id);
    this.names = new PatientNames(workspace, () => {
      const doc = this.doc;
      if (!doc) return [];
      return [
        doc.patientId,
        ...Object.values(doc.moves ?? {}).flatMap((m) => [m.fromPatientId, m.toPatientId]),
      ];
    });
  }

  /** `undefined` while read, null when not on this device. */
  get doc(): FiledDocument | null | undefined {
    return this.#record.current;
  }

  readonly versions: NumberedVersion[] = $derived(this.doc ? numberedVersions(this.doc) : []);

  readonly shownVersion: NumberedVersion | null = $derived(
    this.versions.find((v) => v.id === this.versionId) ?? this.versions.at(-1) ?? null,
  );

  get isLatestShown(): boolean {
    return this.shownVersion?.id === this.versions.at(-1)?.id;
  }

  /** Holds standing over it now (on it, or on its patient). */
  holds(now: string): LegalHold[] {
    const doc = this.doc;
    return doc ? heldBy(doc, this.lookups.holds, now) : [];
  }

  readonly moves: MoveLine[] = $derived(
    Object.entries(this.doc?.moves ?? {})
      .map(([id, move]) => {
        const what: string[] = [];
        if (move.fromPatientId !== move.toPatientId)
          what.push(
            `Patient: ${this.names.name(move.fromPatientId)} → ${this.names.name(move.toPatientId)}`,
          );
        if (move.fromCategoryId !== move.toCategoryId)
          what.push(
            `Category: ${this.lookups.categoryPath(move.fromCategoryId)} → ${this.lookups.categoryPath(move.toCategoryId)}`,
          );
        return { id, at: move.at, by: move.by.name, what };
      })
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
  );
}
