/**
 * Legal hold (issue 12.7): when a claim, an audit or a lawsuit is expected, the practice keeps
 * everything about a patient, or one document, whatever its retention rule or trash period says.
 * Trash emptying and disposition both ask `heldBy` before anything is gone for good.
 */

/** What a hold needs to be judged: the record (`legalHold`) carries more (reason, matter). */
export interface HoldLike {
  id: string;
  /** On every document of this patient, filed now or later. */
  patientId?: string | undefined;
  /** On this one document. */
  documentId?: string | undefined;
  placed: { at: string };
  released?: { at: string } | undefined;
}

/** The document being judged: its id, and its patient (none for the practice's own papers). */
export interface HeldDocument {
  id: string;
  patientId?: string | undefined;
}

/**
 * Whether a hold still stands at `now` (an ISO instant). A hold stands until it is released:
 * when it was placed does not matter, so a hold placed after a document was trashed still
 * protects it, and a hold stamped by a device whose clock runs ahead of this one (its
 * `placed.at` later than `now`) is not ignored. A release stamped later than `now` has not
 * happened yet here; an unreadable release time is not taken as a release.
 */
export function holdStands(hold: HoldLike, now: string): boolean {
  if (!hold.released) return true;
  const released = Date.parse(hold.released.at);
  const at = Date.parse(now);
  if (Number.isNaN(released) || Number.isNaN(at)) return true;
  return released > at;
}

/** Code-unit order: the same on every device, unlike `localeCompare`. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a hold covers a document: named directly, or through its patient. */
export function holdCovers(hold: HoldLike, document: HeldDocument): boolean {
  if (hold.documentId !== undefined && hold.documentId === document.id) return true;
  return (
    hold.patientId !== undefined &&
    document.patientId !== undefined &&
    hold.patientId === document.patientId
  );
}

/**
 * The holds that stand over a document at `now`, oldest placed first (ties by id, so every
 * device lists them alike). Empty means nothing holds it; anything else means it must not be
 * emptied from the trash or destroyed.
 */
export function heldBy<H extends HoldLike>(
  document: HeldDocument,
  holds: readonly H[],
  now: string,
): H[] {
  return holds
    .filter((hold) => holdCovers(hold, document) && holdStands(hold, now))
    .sort((a, b) => byText(a.placed.at, b.placed.at) || byText(a.id, b.id));
}
