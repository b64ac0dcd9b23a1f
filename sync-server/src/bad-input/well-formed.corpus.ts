/**
 * The bad-input cases of broken, hidden and implausible text and values (issue 10): lone
 * surrogates, NUL and other control characters, bidirectional overrides, invisible characters,
 * text not in NFC, keys JavaScript gives a meaning of its own (`__proto__`), and dates, ids and
 * pointers no real record holds. Run by `bad-input.test.ts` with the rest of the corpus, on
 * SQLite and PostgreSQL: each is refused (a 400 `invalid-text`, or a push row refused on its own)
 * and nothing is stored.
 */
import { visitId } from '@clinicdesk/shared/checkin/visit-steps.ts';
import { patient } from '../test-support.ts';
import { ROSA_DEVICE, STORED, type BadInputCase, type BadRequest } from './bad-input.corpus.ts';

export const ADAM_DEVICE = '0195a0c4-dddd-7000-8000-00000000000d';

/**
 * Text every field refuses, by what is wrong with it. (Decomposed accents are refused in stored
 * records only: other requests are normalised where stored or compared; see the cases below.)
 */
const BROKEN_TEXT: [string, string][] = [
  ['a lone high surrogate', 'x\ud800y'],
  ['a lone low surrogate', 'x\udc00y'],
  ['NUL', 'x\u0000y'],
  ['a bell control character', 'x\u0007y'],
  ['DEL', 'x\u007fy'],
  ['a C1 control character', 'x\u0085y'],
  ['a right-to-left override', 'Austin\u202egnp.exe'],
  ['a bidi isolate', 'x\u2066y\u2069'],
];
/** The same, as they can be spelled in a URL (a lone surrogate cannot be: it is not UTF-8). */
const BROKEN_QUERY: [string, string][] = [
  ['NUL', 'x%00y'],
  ['a bell control character', 'x%07y'],
  ['DEL', 'x%7Fy'],
  ['a C1 control character', 'x%C2%85y'],
  ['a right-to-left override', 'Austin%E2%80%AEgnp.exe'],
  ['a bidi isolate', 'x%E2%81%A6y%E2%81%A9'],
];
const RESERVED = ['__proto__', 'constructor', 'prototype'];

const invalidText = { status: 400, code: 'invalid-text' } as const;
const invalidRow = { rowsRefused: 'invalid-document' } as const;

const json = (value: unknown) => ({ json: value });
const post = (path: string, body: unknown, as: BadRequest['as'] = 'rosa'): BadRequest => ({
  method: 'POST',
  path,
  as,
  body: json(body),
});
const pushTo = (collection: string, doc: unknown): BadRequest =>
  post(`/api/sync/v1/${collection}/push`, { rows: [{ newDocumentState: doc }] });
/** A push of one new, otherwise valid patient (n keeps the ids apart from other cases). */
const newPatient = (n: number, change: Record<string, unknown>) =>
  pushTo('patients', { ...patient(400 + n), ...change });
/** An object with `key` as its own key, as JSON.parse makes it (a literal would set the prototype). */
const keyed = (key: string, value: unknown): Record<string, unknown> =>
  Object.defineProperty({}, key, { value, enumerable: true, writable: true, configurable: true });

const home = { line1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701' };
const contact = { name: 'Dana Quill', relationship: 'spouse', phone: '+15552010101' };
const conflict = (value: unknown) => ({
  path: 'phone',
  kept: { value: '+15552010100' },
  other: { value },
  status: 'open',
});
const ROSA_STAMP = { userId: 'ROSA', name: 'Test rosa', deviceId: ROSA_DEVICE };
const visit = (change: Record<string, unknown>) => ({
  id: visitId(STORED.id, '2026-03-02', 0),
  patientId: STORED.id,
  day: '2026-03-02',
  kind: 'visit',
  visitType: 'walk-in',
  arrived: { at: '2026-03-02T09:00:00.000Z', by: ROSA_STAMP },
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  _deleted: false,
  ...change,
});

export const WELL_FORMED_CORPUS: BadInputCase[] = [
  // ── Sign-in: the username is recorded in the audit trail, hashed (issue 10, point 6) ─────
  ...BROKEN_TEXT.map(([what, text]): BadInputCase => ({
    name: `sign-in username with ${what}`,
    request: post(
      '/api/auth/login',
      { username: text, password: 'x', deviceId: ROSA_DEVICE },
      'nobody',
    ),
    expect: invalidText,
  })),
  ...[
    ['a zero-width space', 'ro\u200bsa'],
    ['a right-to-left mark', 'rosa\u200f'],
    ['a line break', 'rosa\nadmin'],
  ].map(([what, text]): BadInputCase => ({
    name: `sign-in username with ${what}`,
    request: post('/api/auth/login', { username: text, password: 'x', deviceId: ROSA_DEVICE }, 'nobody'), // prettier-ignore
    expect: { status: 400, code: 'invalid-request' },
  })),
  ...BROKEN_TEXT.slice(0, 3).map(([what, text]): BadInputCase => ({
    name: `sign-in password with ${what}`,
    request: post('/api/auth/login', { username: 'rosa', password: text, deviceId: ROSA_DEVICE }, 'nobody'), // prettier-ignore
    expect: invalidText,
  })),
  {
    name: 'second-factor code with NUL',
    request: post('/api/auth/second-factor/code', { code: '12345\u0000' }, 'nobody'),
    expect: invalidText,
  },

  // ── Queries: audit filters and CSV, pulls (NUL gave 500 on PostgreSQL, point 7) ──────────
  ...BROKEN_QUERY.map(([what, text]): BadInputCase => ({
    name: `audit report username filter with ${what}`,
    request: { path: `/api/audit/v1/events?username=${text}`, as: 'olga' },
    expect: invalidText,
  })),
  ...BROKEN_QUERY.slice(0, 3).map(([what, text]): BadInputCase => ({
    name: `audit CSV username filter with ${what}`,
    request: { path: `/api/audit/v1/events.csv?username=${text}`, as: 'olga' },
    expect: invalidText,
  })),
  {
    name: 'audit report record filter with NUL',
    request: { path: '/api/audit/v1/events?record=%00', as: 'olga' },
    expect: invalidText,
  },
  {
    name: 'pull checkpoint with NUL',
    request: { path: '/api/sync/v1/patients/pull?checkpoint=1%00' },
    expect: invalidText,
  },

  // ── Staff accounts: display names are shown in history, conflicts and the audit trail ───
  ...BROKEN_TEXT.map(([what, text]): BadInputCase => ({
    name: `staff display name with ${what}`,
    request: { method: 'PATCH', path: '/api/staff/ROSA', as: 'adam', body: json({ displayName: text }) }, // prettier-ignore
    expect: invalidText,
  })),
  {
    name: 'staff display name with a zero-width space',
    request: { method: 'PATCH', path: '/api/staff/ROSA', as: 'adam', body: json({ displayName: 'Rosa\u200bDiaz' }) }, // prettier-ignore
    expect: { status: 400, code: 'invalid-request' },
  },
  {
    name: 'new staff account with NUL in its username',
    request: post('/api/staff', { username: 'eve\u0000', displayName: 'Eve', role: 'front-desk', password: 'a long enough passphrase' }, 'adam'), // prettier-ignore
    expect: invalidText,
  },
  {
    name: 'new staff account with an override in its display name',
    request: post('/api/staff', { username: 'eve', displayName: 'Eve\u202eNIMDA', role: 'front-desk', password: 'a long enough passphrase' }, 'adam'), // prettier-ignore
    expect: invalidText,
  },

  // ── Device uploads: audit events and health reports ────────────────────────────────────
  {
    name: 'audit upload with NUL in the user id',
    request: post('/api/sync/v1/audit/events', { events: [{ eventId: '0195a0c4-cccc-7000-8000-000000000002', action: 'view', userId: 'ROSA\u0000', deviceTime: '2026-03-02T08:00:00.000Z', collection: 'patients', recordId: STORED.id }] }), // prettier-ignore
    expect: invalidText,
  },
  {
    name: 'audit upload with a __proto__ key',
    request: post('/api/sync/v1/audit/events', keyed('__proto__', { events: [] })),
    expect: invalidText,
  },
  {
    name: 'device report with NUL in the app version',
    request: post('/api/sync/v1/devices/report', { appVersion: '1.0\u0000', pendingChanges: 0, oldestPendingAt: null, lastSyncAt: null }), // prettier-ignore
    expect: invalidText,
  },

  // ── Pushed documents: every string, wherever it is, row by row ──────────────────────────
  ...BROKEN_TEXT.map(([what, text], n): BadInputCase => ({
    name: `pushed city with ${what}`,
    request: newPatient(n, { address: { ...home, city: text } }),
    expect: invalidRow,
  })),
  {
    name: 'pushed city in decomposed text (not NFC)',
    request: newPatient(18, { address: { ...home, city: 'San Jose\u0301' } }),
    expect: invalidRow,
  },
  {
    name: 'pushed last name in decomposed text (not NFC)',
    request: newPatient(19, { familyName: 'Nu\u0301n\u0303ez' }),
    expect: invalidRow,
  },
  {
    name: 'pushed street address on two lines',
    request: newPatient(20, { address: { ...home, line1: '1 Main St\nSuite 2' } }),
    expect: invalidRow,
  },
  {
    name: 'pushed city with a zero-width space',
    request: newPatient(21, { address: { ...home, city: 'Aus\u200btin' } }),
    expect: invalidRow,
  },
  {
    name: 'pushed insurance company with a byte-order mark',
    request: newPatient(22, { coverage: { primary: { payerType: 'commercial', payerName: '\ufeffAcme Health' } } }), // prettier-ignore
    expect: invalidRow,
  },
  {
    name: 'pushed last name with a right-to-left mark',
    request: newPatient(23, { familyName: 'Quill\u200f' }),
    expect: invalidRow,
  },
  {
    name: 'pushed editor name with an override',
    request: newPatient(24, { editedBy: { ...ROSA_STAMP, name: 'Rosa\u202eoiD' } }),
    expect: invalidRow,
  },
  {
    name: 'pushed conflict value (free JSON) with a lone surrogate',
    request: newPatient(25, { conflicts: { c1: conflict('+1555\ud800') } }),
    expect: invalidRow,
  },
  {
    name: 'pushed conflict value (free JSON) with NUL',
    request: newPatient(26, { conflicts: { c1: conflict({ nested: ['\u0000'] }) } }),
    expect: invalidRow,
  },
  {
    name: 'pushed visit with NUL in its room',
    request: pushTo('visits', visit({ room: 'Exam\u00001' })),
    expect: invalidRow,
  },

  // ── Keys JavaScript gives a meaning of its own (point 8) ────────────────────────────────
  ...RESERVED.map((key, n): BadInputCase => ({
    name: `pushed emergency contact keyed ${key}`,
    request: newPatient(30 + n, { emergencyContacts: keyed(key, contact) }),
    expect: invalidRow,
  })),
  ...RESERVED.map((key, n): BadInputCase => ({
    name: `pushed conflict keyed ${key}`,
    request: newPatient(33 + n, { conflicts: keyed(key, conflict('+15552010101')) }),
    expect: invalidRow,
  })),
  {
    name: 'pushed conflict value (free JSON) holding a __proto__ key',
    request: newPatient(36, { conflicts: { c1: conflict(keyed('__proto__', { admin: true })) } }),
    expect: invalidRow,
  },
  {
    name: 'pushed previous names keyed constructor',
    request: newPatient(37, { previousNames: keyed('constructor', { familyName: 'Hart' }) }),
    expect: invalidRow,
  },
  {
    name: 'pushed patient with a __proto__ field',
    request: newPatient(38, keyed('__proto__', { givenName: 'Mallory' })),
    expect: invalidRow,
  },
  {
    name: 'pushed address with a prototype field',
    request: newPatient(39, { address: { ...home, ...keyed('prototype', 'x') } }),
    expect: invalidRow,
  },

  // ── Implausible values (point 9) ────────────────────────────────────────────────────────
  { name: 'birth date 0000-01-01', request: newPatient(40, { dateOfBirth: '0000-01-01' }), expect: invalidRow }, // prettier-ignore
  { name: 'birth date 9999-12-31', request: newPatient(41, { dateOfBirth: '9999-12-31' }), expect: invalidRow }, // prettier-ignore
  { name: 'birth date in 1850', request: newPatient(42, { dateOfBirth: '1850-06-01' }), expect: invalidRow }, // prettier-ignore
  {
    name: 'updatedAt in year 0',
    request: newPatient(43, { updatedAt: '0000-01-01T00:00:00.000Z' }),
    expect: invalidRow,
  },
  {
    name: 'createdAt in year 9999',
    request: newPatient(44, { createdAt: '9999-12-31T23:59:59.999Z' }),
    expect: invalidRow,
  },
  {
    // The runner's clock stands at 2026-03-02; a day of grace is given for desks east of UTC.
    name: 'birth date next week',
    request: newPatient(50, { dateOfBirth: '2026-03-09' }),
    expect: invalidRow,
  },
  {
    name: 'subscriber born next year',
    request: newPatient(51, { coverage: { primary: { payerType: 'commercial', subscriber: { givenName: 'Dana', familyName: 'Quill', dateOfBirth: '2027-01-01' } } } }), // prettier-ignore
    expect: invalidRow,
  },
  {
    name: 'coverage effective in year 1',
    request: newPatient(45, { coverage: { primary: { payerType: 'medicare', effectiveDate: '0001-01-01' } } }), // prettier-ignore
    expect: invalidRow,
  },
  {
    name: 'the same race twice',
    request: newPatient(46, { race: ['asian', 'asian'] }),
    expect: invalidRow,
  },
  {
    name: 'chart merged into itself',
    request: newPatient(47, { mergedInto: patient(447).id }),
    expect: invalidRow,
  },
  {
    name: 'two new charts pushed with one chart number',
    request: post('/api/sync/v1/patients/push', {
      rows: [48, 49].map((n) => ({
        newDocumentState: { ...patient(400 + n), chartNumber: '100042-6' },
      })),
    }),
    expect: invalidRow,
  },
  {
    name: 'chart merge record merging a chart into itself',
    request: {
      ...pushTo('chartMerges', {
        id: patient(452).id,
        kind: 'chartMerge',
        survivorId: STORED.id,
        mergedId: STORED.id,
        choices: {},
        createdAt: '2026-03-02T09:00:00.000Z',
        updatedAt: '2026-03-02T09:00:00.000Z',
        _deleted: false,
      }),
      as: 'olga',
    },
    expect: invalidRow,
  },
  {
    name: 'visit id naming another day',
    request: pushTo('visits', visit({ day: '2026-03-03' })),
    expect: invalidRow,
  },
  {
    name: 'visit id naming another patient',
    request: pushTo('visits', visit({ patientId: patient(448).id })),
    expect: invalidRow,
  },
  {
    name: 'visit step stamped in year 0',
    request: pushTo('visits', visit({ arrived: { at: '0000-01-01T00:00:00.000Z', by: ROSA_STAMP } })), // prettier-ignore
    expect: invalidRow,
  },
];
