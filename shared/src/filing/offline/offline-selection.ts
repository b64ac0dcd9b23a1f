import type { WantedFile } from './offline-plan.ts';

/** What the selection reads of a visit (the check-in board's record). */
export type VisitLike = { patientId: string; day: string; cancelled?: unknown; _deleted?: unknown };

/** What the selection reads of a filed document. */
export type DocumentLike = {
  id: string;
  patientId?: string | undefined;
  documentDate?: string | undefined;
  createdAt: string;
  trashed?: unknown;
  _deleted?: unknown;
  versions: Readonly<
    Record<string, { file: { sha256: string; size: number }; added: { at: string } }>
  >;
};

/**
 * The patients the desk expects on `day`: those checked in that day (a visit not cancelled).
 * Each source is a list of who is expected; when the schedule arrives (issue 15), its
 * appointments of the day join here as another source, so that a booked patient's documents
 * are on the tablet before they walk in.
 */
export function patientsExpectedOn(
  day: string,
  sources: { visits: readonly VisitLike[] },
): string[] {
  const ids = new Set<string>();
  for (const visit of sources.visits)
    if (visit.day === day && visit._deleted !== true && visit.cancelled === undefined)
      ids.add(visit.patientId);
  return [...ids].sort();
}

/** A document's latest file: the version added last (then by id, as every screen numbers them). */
export function latestFile(doc: Pick<DocumentLike, 'versions'>): WantedFile | null {
  let latest: { id: string; at: string; file: WantedFile } | null = null;
  for (const [id, version] of Object.entries(doc.versions)) {
    const at = version.added.at;
    if (!latest || at > latest.at || (at === latest.at && id > latest.id))
      latest = { id, at, file: { sha256: version.file.sha256, size: version.file.size } };
  }
  return latest?.file ?? null;
}

/** The document's day: its document date, else the day it was made. */
function documentDay(doc: DocumentLike): string {
  return doc.documentDate ?? doc.createdAt.slice(0, 10);
}

const DAY_MS = 86_400_000;

/** `day` minus `days` days, as `YYYY-MM-DD` (calendar days, the same in every time zone). */
export function daysBefore(day: string, days: number): string {
  const at = Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(at)) return day;
  return new Date(at - days * DAY_MS).toISOString().slice(0, 10);
}

export type OfflineSelection = {
  pinned: WantedFile[];
  /** Today's patients' recent documents' files, newest document first. */
  today: WantedFile[];
  /** Every file a document here points at, earlier versions included. */
  documentFiles: Set<string>;
};

/**
 * Which files the documents on this device ask to keep: the latest file of each pinned
 * document (in the trash or not: a pin is a person's word), and of each document of today's
 * patients dated within `recentDays` of `day`, newest first (not those in the trash).
 */
export function selectOfflineFiles(input: {
  documents: readonly DocumentLike[];
  pinnedIds: ReadonlySet<string>;
  patientIds: readonly string[];
  day: string;
  recentDays: number;
}): OfflineSelection {
  const patients = new Set(input.patientIds);
  const since = daysBefore(input.day, input.recentDays);
  const pinned: WantedFile[] = [];
  const todays: { day: string; id: string; file: WantedFile }[] = [];
  const documentFiles = new Set<string>();
  for (const doc of input.documents) {
    if (doc._deleted === true) continue;
    for (const version of Object.values(doc.versions)) documentFiles.add(version.file.sha256);
    const file = latestFile(doc);
    if (!file) continue;
    if (input.pinnedIds.has(doc.id)) pinned.push(file);
    const day = documentDay(doc);
    if (doc.patientId && patients.has(doc.patientId) && doc.trashed === undefined && day >= since)
      todays.push({ day, id: doc.id, file });
  }
  todays.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.id < b.id ? 1 : -1));
  return { pinned, today: todays.map((entry) => entry.file), documentFiles };
}
