import { heldBy, type HeldDocument, type HoldLike } from '../legal-hold/held-by.ts';
import { DEFAULT_TRASH_DAYS, trashExpiry } from './trash-expiry.ts';

/** A document in the trash: a filed document with its `trashed` stamp. */
export interface TrashedDocument extends HeldDocument {
  trashed: { at: string };
}

export interface TrashReview<D extends TrashedDocument, H extends HoldLike> {
  /** Past the trash period and held by nothing: may be removed for good. */
  emptiable: D[];
  /** Past the trash period but under a legal hold: stays, with the holds that keep it. */
  held: { document: D; holds: H[] }[];
  /** Still within the period (or with a trash time that cannot be read: `expiresAt` null). */
  waiting: { document: D; expiresAt: string | null }[];
}

/**
 * Which documents in the trash may be emptied at `now` (issue 12.5). Never one a standing
 * legal hold covers, on the document or on its patient, whenever that hold was placed — the
 * check is made when emptying, not when trashing. Each list keeps the order it was given.
 */
export function emptiableFromTrash<D extends TrashedDocument, H extends HoldLike>(
  documents: readonly D[],
  holds: readonly H[],
  now: string,
  periodDays: number = DEFAULT_TRASH_DAYS,
): TrashReview<D, H> {
  const review: TrashReview<D, H> = { emptiable: [], held: [], waiting: [] };
  const at = Date.parse(now);
  for (const document of documents) {
    const expiresAt = trashExpiry(document.trashed.at, periodDays);
    // An unreadable clock says nothing has expired: keeping a day longer is harmless.
    if (expiresAt === null || Number.isNaN(at) || Date.parse(expiresAt) > at) {
      review.waiting.push({ document, expiresAt });
      continue;
    }
    const standing = heldBy(document, holds, now);
    if (standing.length > 0) review.held.push({ document, holds: standing });
    else review.emptiable.push(document);
  }
  return review;
}
