import type { Role } from '../auth/roles.ts';
import {
  COLLECTION_ACCESS,
  canWriteState,
  type CollectionAccess,
  kindRuleIn,
} from '../auth/permissions.ts';
import type { ScopeContext } from '../registry/partition.ts';
import { canonicalJson } from './canonical-json.ts';
import type { CollectionName } from './collections.ts';
import type { RowRejection, WireDocument } from './protocol.ts';

/** Who is pushing: from the session and the device header, never from the pushed body. */
export type Principal = {
  userId: string;
  role: Role;
  deviceId: string;
  /** For the audit trail's events of this principal's writes. */
  username?: string | undefined;
};

/**
 * May this principal turn the stored state (null: none yet) into `next`? Null when yes, the
 * reason when not. Two rules, as in cht-core's bulk-docs filter plus mass-assignment defence:
 *
 * 1. The role may write the record's kind in BOTH the stored and the new state; otherwise a
 *    device could create, take over, or hand away a document outside its reach.
 * 2. Every author stamp in `next` (`editedBy`, and the `by` of conflict sides and settlements:
 *    any `{ userId, name, deviceId }` object) is either carried over from a state the server
 *    stored for this record — the current one or, in `earlier`, any before it — or names this
 *    very user on this very device. A device can record its own edits and keep other people's
 *    earlier stamps (a merge does), but can never write a stamp in someone else's name.
 *
 * Why earlier states count: a conflict record names the editor of the server state it was
 * merged against (`kept.by`). When the record moves on again before the device's merge is
 * stored, the device merges once more, and that stamp is then in no field of the current
 * state, only in an earlier one. Refusing it lost the merge (fault suite, seed 20260302). Every
 * stored state was judged when it was written, so its stamps are genuine.
 */
export function authoriseRow(
  principal: Principal,
  collection: CollectionName,
  stored: WireDocument | null,
  next: WireDocument,
  earlier: readonly WireDocument[] = [],
  options: AuthoriseOptions = {},
): Omit<RowRejection, 'id'> | null {
  const table = options.table ?? COLLECTION_ACCESS;
  const access = table[collection];
  // A record is one kind for life: a kind changed by a push would slip past the rule of the
  // kind it was (a partition's kinds have different writers).
  if (stored && kindRuleIn(access, stored) !== kindRuleIn(access, next))
    return { code: 'forbidden', message: 'A record cannot become another kind of record' };
  // A record outside this person's scope (a document in a category their role may not read)
  // is not theirs to change: judged on the stored state, so that nothing about it is answered.
  // The new state need not be in scope: filing a scan into a restricted category hands it over
  // (the device then drops it), and the writers of its kind decide whether that may be done.
  const scope = access.recordScope;
  const reader = { role: principal.role, userId: principal.userId };
  if (stored && scope && !scope.inScope(reader, stored, options.scopeContext ?? new Map()))
    return { code: 'forbidden', message: 'This record is in a part of the files you may not read' };
  const rule = kindRuleIn(access, next);
  for (const field of (stored && rule?.fixed) || [])
    if (canonicalJson(stored?.[field] ?? null) !== canonicalJson(next[field] ?? null))
      return {
        code: 'forbidden',
        message: `The ${field} of a record cannot change once it is made`,
      };
  const refused = rule?.transition?.(stored, next);
  if (refused) return { code: 'forbidden', message: refused };
  if (stored && !canWriteState(principal.role, collection, stored, table))
    return { code: 'forbidden', message: 'Your role may not change this record' };
  if (!canWriteState(principal.role, collection, next, table))
    return { code: 'forbidden', message: 'Your role may not save this record in this state' };

  const carried = new Set(
    [...(stored ? [stored] : []), ...earlier].flatMap((state) =>
      authorStamps(state).map((stamp) => canonicalJson(stamp)),
    ),
  );
  for (const stamp of authorStamps(next)) {
    if (carried.has(canonicalJson(stamp))) continue;
    if (stamp.userId !== principal.userId || stamp.deviceId !== principal.deviceId)
      return {
        code: 'forbidden',
        message: 'A change may only be signed by the person and device that send it',
      };
  }
  return null;
}

export type AuthoriseOptions = {
  /** The permission table (tests pass their own). */
  table?: Readonly<Record<CollectionName, CollectionAccess>>;
  /** The partition's records its record scope reads (filing: the categories), by id. */
  scopeContext?: ScopeContext;
};

type AuthorStamp = { userId: unknown; deviceId: unknown };

/** Every author stamp anywhere in a document (schemas bound the depth, this walk does too). */
function authorStamps(value: unknown, depth = 0, found: AuthorStamp[] = []): AuthorStamp[] {
  if (depth > 32 || value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    for (const item of value) authorStamps(item, depth + 1, found);
    return found;
  }
  const record = value as Record<string, unknown>;
  if ('userId' in record && 'deviceId' in record) found.push(record as AuthorStamp);
  for (const field of Object.values(record)) authorStamps(field, depth + 1, found);
  return found;
}
