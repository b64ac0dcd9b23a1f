import type {
  DocumentVersion,
  FiledDocument,
} from '@clinicdesk/shared/filing/filed-document.schema.ts';

/** A version as the screen lists it: "Version 1" is the earliest. */
export type NumberedVersion = DocumentVersion & { id: string; number: number };

/**
 * The document's versions, earliest first, numbered from 1 by when each was added (then by id,
 * so two tablets that added one each at the same moment number them alike).
 */
export function numberedVersions(doc: Pick<FiledDocument, 'versions'>): NumberedVersion[] {
  return Object.entries(doc.versions)
    .map(([id, version]) => ({ ...version, id }))
    .sort((a, b) =>
      a.added.at !== b.added.at ? (a.added.at < b.added.at ? -1 : 1) : a.id < b.id ? -1 : 1,
    )
    .map((version, index) => ({ ...version, number: index + 1 }));
}

/** The version shown unless another is asked for: the latest. */
export function latestVersion(doc: Pick<FiledDocument, 'versions'>): NumberedVersion | null {
  return numberedVersions(doc).at(-1) ?? null;
}

/** "Version 2 · Signed copy". */
export function versionName(version: Pick<NumberedVersion, 'number' | 'label'>): string {
  return version.label
    ? `Version ${version.number} · ${version.label}`
    : `Version ${version.number}`;
}
