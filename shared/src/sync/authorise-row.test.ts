import { describe, expect, it } from 'vitest';
import type { CollectionAccess } from '../auth/permissions.ts';
import { authoriseRow, type Principal } from './authorise-row.ts';
import type { CollectionName } from './collections.ts';
import type { WireDocument } from './protocol.ts';

const DEVICE = '0195a0c4-1111-7000-8000-000000000001';
const OTHER_DEVICE = '0195a0c4-2222-7000-8000-000000000002';
const rosa: Principal = { userId: 'u-rosa', role: 'front-desk', deviceId: DEVICE };
const billing: Principal = { userId: 'u-bill', role: 'billing', deviceId: DEVICE };
const rosaStamp = { userId: 'u-rosa', name: 'Rosa Diaz', deviceId: DEVICE };
const benStamp = { userId: 'u-ben', name: 'Ben Okafor', deviceId: OTHER_DEVICE };

const doc = (fields: Record<string, unknown> = {}): WireDocument => ({
  id: 'p1',
  kind: 'patient',
  _deleted: false,
  givenName: 'Ada',
  ...fields,
});

/**
 * A table with a row rule (and, in its `patients`, two kinds with different writers, as a
 * partition of several kinds has), so that "stored state" and "new state" can differ in permission:
 * here a front desk may write a patient unless it is marked `restricted` (cht-core's 8 cases).
 */
const ROW_RULE_TABLE = {
  patients: {
    read: ['front-desk', 'office-manager'],
    kinds: {
      patient: {
        write: ['front-desk', 'office-manager'],
        writableState: (role, state) => role === 'office-manager' || state.restricted !== true,
      },
      chartMerge: { write: ['office-manager'] },
    },
  },
  chartMerges: { read: ['office-manager'], kinds: { chartMerge: { write: ['office-manager'] } } },
  visits: { read: [], kinds: { visit: { write: [] } } },
  filing: { read: [], kinds: { filedDocument: { write: [] } } },
  disclosures: { read: [], kinds: { disclosure: { write: [] } } },
  policies: { read: [], kinds: { manual: { write: [] } } },
  acknowledgments: { read: [], kinds: { acknowledgment: { write: [] } } },
} satisfies Record<CollectionName, CollectionAccess>;

const allowed = doc();
const denied = doc({ restricted: true });
const judge = (stored: WireDocument | null, next: WireDocument) =>
  authoriseRow(rosa, 'patients', stored, next, [], { table: ROW_RULE_TABLE })?.code ?? 'ok';

describe('authoriseRow: both the stored and the new state must be writable', () => {
  it.each([
    ['new, allowed', null, allowed, 'ok'],
    ['new, denied', null, denied, 'forbidden'],
    ['denied → denied', denied, denied, 'forbidden'],
    ['denied → allowed', denied, allowed, 'forbidden'],
    ['allowed → denied', allowed, denied, 'forbidden'],
    ['allowed → allowed', allowed, doc({ givenName: 'Grace' }), 'ok'],
  ] as const)('%s → %s', (_case, stored, next, expected) => {
    expect(judge(stored, next)).toBe(expected);
  });

  it('refuses every row of a collection the role may only read', () => {
    expect(authoriseRow(billing, 'patients', null, allowed)?.code).toBe('forbidden');
    expect(authoriseRow(billing, 'patients', allowed, doc({ givenName: 'X' }))?.code).toBe(
      'forbidden',
    );
  });
});

describe('authoriseRow: author stamps cannot be forged', () => {
  it('accepts a change signed by the sender on its own device', () => {
    expect(authoriseRow(rosa, 'patients', null, doc({ editedBy: rosaStamp }))).toBeNull();
  });

  it("refuses a change signed in someone else's name, or from another device", () => {
    expect(authoriseRow(rosa, 'patients', null, doc({ editedBy: benStamp }))?.code).toBe(
      'forbidden',
    );
    const wrongDevice = { ...rosaStamp, deviceId: OTHER_DEVICE };
    expect(authoriseRow(rosa, 'patients', null, doc({ editedBy: wrongDevice }))?.code).toBe(
      'forbidden',
    );
  });

  it("keeps another person's stamp that the stored state already had (a merge carries it)", () => {
    const stored = doc({ editedBy: benStamp });
    expect(authoriseRow(rosa, 'patients', stored, doc({ phone: '1', editedBy: benStamp }))).toBe(
      null,
    );
  });

  it('keeps a stamp from an earlier state of the record that the current one no longer has', () => {
    // Rosa's merge recorded a conflict against Ben's state (`kept.by` is Ben); the record moved
    // on to an edit of Rosa's own before her merge was stored, so she merges again.
    const clash = {
      'middleName#1': {
        path: 'middleName',
        kept: { value: 'Rose', by: benStamp },
        other: { value: 'Ruth', by: rosaStamp },
        status: 'open',
      },
    };
    const bensState = doc({ middleName: 'Rose', editedBy: benStamp });
    const current = doc({ middleName: 'Rose', phone: '2', editedBy: rosaStamp });
    const merged = doc({ middleName: 'Rose', phone: '2', editedBy: rosaStamp, conflicts: clash });
    expect(authoriseRow(rosa, 'patients', current, merged, [bensState])).toBeNull();
    // Without that earlier state, the same stamp is one nobody on this record ever wrote.
    expect(authoriseRow(rosa, 'patients', current, merged)?.code).toBe('forbidden');
  });

  it('checks stamps nested in conflict records too', () => {
    const forgedSettlement = {
      'phone#1': {
        path: 'phone',
        kept: { value: '1' },
        other: { value: '2' },
        status: 'settled',
        settlement: { value: '1', at: '2026-03-02T09:00:00.000Z', by: benStamp },
      },
    };
    expect(authoriseRow(rosa, 'patients', null, doc({ conflicts: forgedSettlement }))?.code).toBe(
      'forbidden',
    );
  });
});

describe('authoriseRow: each record by the rule of its own kind', () => {
  const merge = doc({ kind: 'chartMerge' });
  const olga: Principal = { userId: 'u-olga', role: 'office-manager', deviceId: DEVICE };
  const judgeAs = (who: Principal, stored: WireDocument | null, next: WireDocument) =>
    authoriseRow(who, 'patients', stored, next, [], { table: ROW_RULE_TABLE })?.message ?? 'ok';

  it('lets a role write one kind of a partition and not another', () => {
    expect(judgeAs(rosa, null, doc())).toBe('ok');
    expect(judgeAs(rosa, null, merge)).toBe('Your role may not save this record in this state');
    expect(judgeAs(olga, null, merge)).toBe('ok');
  });

  it('never lets a record become another kind, whoever may write both', () => {
    expect(judgeAs(olga, doc(), merge)).toBe('A record cannot become another kind of record');
    expect(judgeAs(olga, merge, doc())).toBe('A record cannot become another kind of record');
  });

  it('refuses a kind the partition does not hold', () => {
    expect(judgeAs(olga, null, doc({ kind: 'visit' }))).toBe(
      'Your role may not save this record in this state',
    );
  });
});

describe('authoriseRow: record scopes and fixed fields (filing)', () => {
  const categories = new Map([
    ['open', { id: 'open', kind: 'category', name: 'Insurance' }],
    [
      'closed',
      { id: 'closed', kind: 'category', name: 'Personnel', readRoles: ['office-manager'] },
    ],
  ]);
  const deskStamp = { at: '2026-12-01T10:00:00.000Z', by: rosaStamp };
  const filedIn = (categoryId: string, fields: Record<string, unknown> = {}): WireDocument => ({
    id: 'f1',
    kind: 'filedDocument',
    _deleted: false,
    title: 'EOB',
    categoryId,
    captured: deskStamp,
    filed: deskStamp,
    ...fields, // prettier-ignore
  });
  const judge = (stored: WireDocument | null, next: WireDocument) =>
    authoriseRow(rosa, 'filing', stored, next, [], { scopeContext: categories })?.message ?? 'ok';

  it('refuses a change to a document outside the person’s scope', () => {
    expect(judge(filedIn('closed'), filedIn('open'))).toMatch(/may not read/);
  });

  it('lets a person file a paper into a category they may not read (handing it over)', () => {
    expect(judge(null, filedIn('closed'))).toBe('ok');
    expect(judge(filedIn('open'), filedIn('closed'))).toBe('ok');
  });

  it('refuses a change of a fixed field, whoever sends it', () => {
    const otherStamp = { at: '2026-12-01T11:00:00.000Z', by: rosaStamp };
    expect(judge(filedIn('open'), filedIn('open', { captured: otherStamp }))).toMatch(/captured/);
    expect(judge(filedIn('open'), filedIn('open', { title: 'EOB, March' }))).toBe('ok');
  });
});

describe('authoriseRow: a kind’s rule over both states (policy versions)', () => {
  const version = (fields: Record<string, unknown>): WireDocument => ({
    id: 'pol-1-v1',
    kind: 'policyVersion',
    _deleted: false,
    policyId: 'pol-1',
    versionNumber: 1,
    ...fields, // prettier-ignore
  });
  it('refuses a change its transition rule refuses, and passes on what it allows', () => {
    const table = {
      ...ROW_RULE_TABLE,
      policies: {
        read: ['front-desk'],
        kinds: {
          policyVersion: {
            write: ['front-desk'],
            transition: (stored, next) =>
              stored?.status === 'published' && next.text !== stored.text ? 'A published version never changes' : null, // prettier-ignore
          },
        },
      },
    } satisfies Record<CollectionName, CollectionAccess>;
    const published = version({ status: 'published', text: 'A' });
    const judge = (next: WireDocument) =>
      authoriseRow(rosa, 'policies', published, next, [], { table })?.message ?? 'ok';
    expect(judge(version({ status: 'published', text: 'B' }))).toBe('A published version never changes'); // prettier-ignore
    expect(judge(version({ status: 'superseded', text: 'A' }))).toBe('ok');
  });
});
