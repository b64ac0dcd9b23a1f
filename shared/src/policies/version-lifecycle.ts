import type { Role } from '../auth/roles.ts';
import { fail, ok, type Result } from '../result.ts';
import { canonicalJson } from '../sync/canonical-json.ts';
import { VERSION_STATUS_LABELS, type VersionStatus } from './policy-labels.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

/**
 * Where a version may go from each status: draft → in review → approved → published →
 * superseded → retired, plus the ways back a review needs (sent back to draft; an edit of an
 * approved version goes back to review). A status may always stay as it is.
 */
export const VERSION_MOVES: Readonly<Record<VersionStatus, readonly VersionStatus[]>> = {
  draft: ['in-review'],
  'in-review': ['draft', 'approved'],
  approved: ['in-review', 'draft', 'published'],
  published: ['superseded', 'retired'],
  superseded: ['retired'],
  retired: [],
};

/** While a version is being written its content may change; after, it is what was signed. */
const WRITING: ReadonlySet<VersionStatus> = new Set(['draft', 'in-review']);
/** In force or history: nothing but the move to the next status may change. */
const ISSUED: ReadonlySet<VersionStatus> = new Set(['published', 'superseded', 'retired']);

/** What approvers sign and readers acknowledge. */
const CONTENT = ['text', 'contentHash', 'changeSummary', 'materialChange', 'approvers', 'authors', 'quiz', 'reviewRound', 'approvedAt'] as const; // prettier-ignore
/** What a version is: never changes once it exists. */
const IDENTITY = ['id', 'policyId', 'versionNumber', 'kind', 'createdAt'] as const;
/** Set when publishing, fixed after. */
const PUBLICATION = ['effectiveOn', 'versionLabel', 'publishedAt'] as const;
/** Each set once, by its own move (superseding, retiring). */
const HISTORY = { superseded: ['supersededOn'], retired: ['retiredOn'] } as const;

export type VersionChangeError = {
  code:
    | 'version-identity-fixed'
    | 'version-must-start-as-draft'
    | 'version-move-not-allowed'
    | 'version-content-fixed'
    | 'published-version-fixed'
    | 'version-kept';
  message: string;
};

type StoredVersion = PolicyVersion & { _deleted?: boolean };

/**
 * May this change of a version be written? Judged on the state stored and the state sent, so
 * the server applies it to every push and a device to every save: a published version never
 * changes (only its move to superseded or retired, with that move's date); an approved one keeps
 * the content its approvers signed unless it goes back to review; a version is created as a
 * draft (or, adopting a text the office manager publishes at once, published); and a version that
 * was ever issued is never deleted: superseded versions are kept (six years, 45 CFR 164.316(b)(2),
 * 164.530(j)), which is the retention rule's to end, not a device's.
 */
export function policyVersionChange(
  stored: StoredVersion | undefined,
  next: StoredVersion,
): Result<void, VersionChangeError> {
  if (!stored)
    return next.status === 'draft' || next.status === 'published'
      ? ok(undefined)
      : fail({ code: 'version-must-start-as-draft', message: 'A new version starts as a draft' });
  const changed = (fields: readonly string[]) =>
    fields.filter((field) => valueOf(stored, field) !== valueOf(next, field));
  if (changed(IDENTITY).length > 0)
    return fail({ code: 'version-identity-fixed', message: 'A version keeps its policy, number and creation' }); // prettier-ignore
  if (next._deleted === true && stored._deleted !== true)
    return WRITING.has(stored.status)
      ? ok(undefined)
      : fail({ code: 'version-kept', message: 'An approved or issued version is kept, not deleted' }); // prettier-ignore
  if (next.status !== stored.status && !VERSION_MOVES[stored.status].includes(next.status))
    return fail({
      code: 'version-move-not-allowed',
      message: `A version cannot go from ${VERSION_STATUS_LABELS[stored.status].toLowerCase()} to ${VERSION_STATUS_LABELS[next.status].toLowerCase()}`,
    });
  if (ISSUED.has(stored.status)) {
    // Only the move itself, with its own date, is written.
    const move = next.status === stored.status ? [] : HISTORY[next.status as keyof typeof HISTORY]; // prettier-ignore
    const fixed = [...CONTENT, ...PUBLICATION, ...HISTORY.superseded, ...HISTORY.retired];
    if (changed(fixed).some((field) => !(move as readonly string[]).includes(field)))
      return fail({ code: 'published-version-fixed', message: 'A published version never changes: start a revision instead' }); // prettier-ignore
    return ok(undefined);
  }
  // Being written (an approved version sent back to review included): the content may change.
  if (WRITING.has(next.status)) return ok(undefined);
  // Approved or being published: the content is what the approvers signed, stamped approved once.
  const stamp = stored.status === 'approved' ? [] : ['approvedAt'];
  if (changed(CONTENT).some((field) => !stamp.includes(field)))
    return fail({ code: 'version-content-fixed', message: 'An approved version keeps the text its approvers signed: send it back to review to change it' }); // prettier-ignore
  return ok(undefined);
}

function valueOf(doc: StoredVersion, field: string): string {
  return canonicalJson((doc as Record<string, unknown>)[field] ?? null);
}

/**
 * Who may write a version in a state (the partition's `writableState`, judged on the stored
 * and the new state): authors and approvers of any role move a version through writing and
 * review; publishing, superseding and retiring are the office manager's. Which authors and
 * approvers may touch which draft is the record scope's (`policiesRecordScope`).
 */
export function versionWritableBy(role: Role, version: { status?: unknown }): boolean {
  return (
    role === 'office-manager' ||
    version.status === 'draft' ||
    version.status === 'in-review' ||
    version.status === 'approved'
  );
}

/** "Published, effective on 02/01/2027" for a version not yet in force; else its status. */
export function versionStatusLabel(
  version: Pick<PolicyVersion, 'status' | 'effectiveOn' | 'supersededOn'>,
  today: string,
): string {
  // prettier-ignore
  if (version.status === 'published' && version.effectiveOn && version.effectiveOn > today)
    return `Published, effective on ${usDate(version.effectiveOn)}`;
  if (version.status === 'superseded' && version.supersededOn)
    return `Superseded on ${usDate(version.supersededOn)}`;
  return VERSION_STATUS_LABELS[version.status];
}

function usDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${month}/${day}/${year}`;
}
