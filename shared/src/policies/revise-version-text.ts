import { fail, ok, type Result } from '../result.ts';
import type { Editor } from '../sync/conflict.schema.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

export type TextRevisionError = {
  code: 'published-version-fixed' | 'content-hash-needed';
  message: string;
};

/**
 * Saves new text into a version being written. In review (or approved, not yet published) the
 * edit takes the content's new hash, which the approvals given so far are not bound to: signing
 * restarts from the first approver (`approvalProgress`), and an approved version goes back to
 * review. A draft needs no hash until it is sent. A published version never changes: editing it
 * starts a revision (`startRevision`).
 */
export function reviseVersionText(
  version: PolicyVersion,
  text: string,
  /** SHA-256 of the new content; needed once the version is in review. */
  contentHash: string | undefined,
  editor: Editor,
  now: Date,
): Result<PolicyVersion, TextRevisionError> {
  if (version.status !== 'draft' && version.status !== 'in-review' && version.status !== 'approved') // prettier-ignore
    return fail({ code: 'published-version-fixed', message: 'A published version never changes: start a revision instead' }); // prettier-ignore
  const at = now.toISOString();
  const authors = version.authors.includes(editor.userId)
    ? version.authors
    : [...version.authors, editor.userId];
  // A draft carries no hash (nothing is signed yet); an edit after approval voids it.
  const { contentHash: _unhashed, approvedAt: _unapproved, ...rest } = version;
  if (version.status === 'draft') return ok({ ...rest, text, authors, updatedAt: at, editedBy: editor }); // prettier-ignore
  if (!contentHash)
    return fail({ code: 'content-hash-needed', message: 'Hash the new text before saving a version in review' }); // prettier-ignore
  return ok({ ...rest, status: 'in-review', text, contentHash, authors, updatedAt: at, editedBy: editor }); // prettier-ignore
}
