import type { Role } from '../auth/roles.ts';
import type { StoredDocument } from '../registry/partition.ts';
import { needsAccountingEntry, type DisclosurePurpose } from './disclosure-purposes.ts';
import { ANSWERED_STATUSES, type RequestStatus } from './release-labels.ts';

/**
 * Who may do what in release of information, as the push judges it (ADR 8 row rules).
 *
 * - The desk, billing and the office manager take requests and release under the patient's
 *   authorization, to the patient, and for treatment, payment and operations: the everyday
 *   releases, which the accounting of disclosures does not list.
 * - A release the accounting must list (a subpoena, law enforcement, public health, an
 *   oversight agency…) is the office manager's — the privacy official's — to make: it is
 *   permitted only under conditions someone must judge (164.512(e)'s assurances, for one).
 * - Denying a request is the office manager's too: a denied patient may ask for a review
 *   (164.524(a)(4), (d)), and the denial must give its basis in writing.
 */
export const PRIVACY_OFFICIAL: Role = 'office-manager';

export function mayRelease(role: Role, purpose: DisclosurePurpose): boolean {
  return role === PRIVACY_OFFICIAL || !needsAccountingEntry(purpose);
}

export function disclosureWritableBy(role: Role, doc: StoredDocument): boolean {
  return mayRelease(role, doc.purpose as DisclosurePurpose);
}

export function requestWritableBy(role: Role, doc: StoredDocument): boolean {
  return role === PRIVACY_OFFICIAL || doc.status !== 'denied';
}

const STEPS: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ['received', 'in-progress', 'released', 'denied'],
  'in-progress': ['in-progress', 'released', 'denied'],
  released: ['released'],
  denied: ['denied'],
};

/**
 * A request moves forward only: received → in progress → released or denied. Once answered it
 * stays answered (a second release is a new request), and its answer's day stays as given.
 */
export function requestTransition(
  stored: StoredDocument | null,
  next: StoredDocument,
): string | null {
  if (!stored) return null;
  const from = stored.status as RequestStatus;
  const to = next.status as RequestStatus;
  if (!(STEPS[from] ?? []).includes(to))
    return ANSWERED_STATUSES.includes(from)
      ? `This request was ${from} and stays so; a new request starts a new release`
      : 'A request cannot go back to received';
  if (ANSWERED_STATUSES.includes(from) && stored.answeredOn !== next.answeredOn)
    return 'The day a request was answered does not change';
  return null;
}
