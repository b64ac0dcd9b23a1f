/**
 * The bad-input corpus: malformed and hostile requests against the real server, one row each.
 * Add a row to add a case; `bad-input.test.ts` runs every row on a real SQLite store and checks
 * the answer, that nothing was stored, and that the server still answers a normal request.
 *
 * Two kinds of answer are right. A request the server cannot take gets a 4xx with a specific
 * code. A sync push whose envelope is fine but whose rows are bad is answered 200 with each bad
 * row refused on its own (`rejected[].code`), as the sync protocol requires (a 4xx would make the
 * device retry the good rows beside it forever); nothing of a refused row is stored either way.
 */
import type { RowErrorCode } from '@clinicdesk/shared/sync/protocol.ts';
import { patient } from '../test-support.ts';

export type Who = 'rosa' | 'olga' | 'adam' | 'nobody';

export type BadRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  /** Whose session cookie goes with it (default rosa, a front-desk receptionist; olga is an
   * office manager, adam an administrator). */
  as?: Who;
  /** Send the sync protocol and device headers (default: for paths under /api/sync and /api/blobs). */
  syncHeaders?: boolean;
  /** Replaces the device id header (another user's device, say). */
  deviceId?: string;
  headers?: Record<string, string>;
  /** A string, raw bytes, or a value sent as JSON with `Content-Type: application/json`. */
  body?: string | Uint8Array | { json: unknown };
};

export type Expected =
  | { status: number; code: string }
  /** 200, with every row of the push refused with this code. */
  | { rowsRefused: RowErrorCode }
  /** 200 and nothing new: a replay of what is already stored. */
  | { replay: true };

export type BadInputCase = { name: string; request: BadRequest; expect: Expected };

/** The ids the runner sets up: rosa's device and another user's. */
export const ROSA_DEVICE = '0195a0c4-aaaa-7000-8000-00000000000a';
export const SAM_DEVICE = '0195a0c4-bbbb-7000-8000-00000000000b';

/** A patient already on the server (stored by the runner), and its first state. */
export const STORED = patient(1);
export const STORED_V2 = { ...STORED, phone: '+15552010100' };

const PUSH = '/api/sync/v1/patients/push';
const UPLOAD = '/api/sync/v1/audit/events';
const json = (value: unknown) => ({ json: value });
const push = (rows: unknown) => ({ method: 'POST' as const, path: PUSH, body: json({ rows }) });
/** A push of one new document: a valid patient with `change` applied (a key set to `undefined` is removed). */
const newDoc = (n: number, change: Record<string, unknown>) => {
  const doc: Record<string, unknown> = { ...patient(100 + n), ...change };
  for (const [key, value] of Object.entries(change)) if (value === undefined) delete doc[key];
  return push([{ newDocumentState: doc }]);
};
const login = (body: unknown) => ({
  method: 'POST' as const,
  path: '/api/auth/login',
  as: 'nobody' as const,
  body: json(body),
});
const secondFactor = (path: string, body: unknown, headers?: Record<string, string>) => ({
  method: 'POST' as const,
  path: `/api/auth/second-factor${path}`,
  as: 'nobody' as const,
  body: json(body),
  ...(headers ? { headers } : {}),
});
const upload = (events: unknown) => ({
  method: 'POST' as const,
  path: UPLOAD,
  body: json({ events }),
});
const view = (change: Record<string, unknown> = {}) => ({
  eventId: '0195a0c4-cccc-7000-8000-000000000001',
  action: 'view',
  userId: 'ROSA', // replaced by rosa's id by the runner
  deviceTime: '2026-03-02T08:00:00.000Z',
  collection: 'patients',
  recordId: STORED.id,
  ...change,
});

const invalid = { rowsRefused: 'invalid-document' } as const;
const badRequest = { status: 400, code: 'invalid-request' } as const;
const notJson = { status: 400, code: 'invalid-json' } as const;

const XSS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  'javascript:alert(1)',
  '<svg/onload=alert(1)>',
  "'-alert(1)-'",
  '{{constructor.constructor("alert(1)")()}}',
];
const SQLISH = [
  "Robert'); DROP TABLE documents;--",
  "' OR '1'='1",
  '1; DELETE FROM users',
  'x UNION SELECT password_hash FROM users',
];
const nested = (depth: number): unknown => {
  let value: unknown = 'deep';
  for (let n = 0; n < depth; n++) value = [value];
  return value;
};

export const BAD_INPUT_CORPUS: BadInputCase[] = [
  // ── Wrong types, document fields ───────────────────────────────────────────────────────
  { name: 'given name is a number', request: newDoc(1, { givenName: 42 }), expect: invalid },
  { name: 'given name is null', request: newDoc(2, { givenName: null }), expect: invalid },
  {
    name: 'family name is an array',
    request: newDoc(3, { familyName: ['A', 'B'] }),
    expect: invalid,
  },
  {
    name: 'family name is an object',
    request: newDoc(4, { familyName: { first: 'A' } }),
    expect: invalid,
  },
  {
    name: 'date of birth is a number',
    request: newDoc(5, { dateOfBirth: 19800517 }),
    expect: invalid,
  },
  {
    name: 'date of birth is not a date',
    request: newDoc(6, { dateOfBirth: '1980-02-31' }),
    expect: invalid,
  },
  {
    name: 'date of birth in another format',
    request: newDoc(7, { dateOfBirth: '05/17/1980' }),
    expect: invalid,
  },
  { name: 'sex not in the list', request: newDoc(8, { sex: 'robot' }), expect: invalid },
  { name: '_deleted is a string', request: newDoc(9, { _deleted: 'no' }), expect: invalid },
  { name: '_deleted missing', request: newDoc(10, { _deleted: undefined }), expect: invalid },
  { name: 'id is not a UUID', request: newDoc(11, { id: 'patient-1' }), expect: invalid },
  { name: 'id is a number', request: newDoc(12, { id: 12 }), expect: invalid },
  {
    name: 'id in upper case',
    request: newDoc(13, { id: patient(113).id.toUpperCase() }),
    expect: invalid,
  },
  {
    name: 'createdAt not a time',
    request: newDoc(14, { createdAt: 'yesterday' }),
    expect: invalid,
  },
  {
    name: 'updatedAt with an offset',
    request: newDoc(15, { updatedAt: '2026-03-01T10:00:00+02:00' }),
    expect: invalid,
  },
  { name: 'phone not E.164', request: newDoc(16, { phone: '555-0100' }), expect: invalid },
  { name: 'phone is a number', request: newDoc(17, { phone: 15552010100 }), expect: invalid },
  { name: 'email not an address', request: newDoc(18, { email: 'not-an-email' }), expect: invalid },
  { name: 'address is a string', request: newDoc(19, { address: '1 Main St' }), expect: invalid },
  {
    name: 'address state unknown',
    request: newDoc(20, {
      address: { line1: '1 Main St', city: 'X', state: 'ZZ', postalCode: '12345' },
    }),
    expect: invalid,
  },
  {
    name: 'ZIP code of letters',
    request: newDoc(21, {
      address: { line1: '1 Main St', city: 'X', state: 'NY', postalCode: 'ABCDE' },
    }),
    expect: invalid,
  },
  {
    name: 'photo reference without a hash',
    request: newDoc(22, { photo: { type: 'image/jpeg', size: 10 } }),
    expect: invalid,
  },
  {
    name: 'photo reference with a bad hash',
    request: newDoc(23, { photo: { sha256: 'x'.repeat(64), type: 'image/jpeg', size: 10 } }),
    expect: invalid,
  },
  { name: 'conflicts is an array', request: newDoc(24, { conflicts: [] }), expect: invalid },
  {
    name: 'conflict with an unknown status',
    request: newDoc(25, {
      conflicts: { c: { path: 'phone', kept: {}, other: {}, status: 'maybe' } },
    }),
    expect: invalid,
  },

  // ── Missing fields ─────────────────────────────────────────────────────────────────────
  { name: 'no given name', request: newDoc(30, { givenName: undefined }), expect: invalid },
  { name: 'no family name', request: newDoc(31, { familyName: undefined }), expect: invalid },
  { name: 'no date of birth', request: newDoc(32, { dateOfBirth: undefined }), expect: invalid },
  { name: 'no sex', request: newDoc(33, { sex: undefined }), expect: invalid },
  { name: 'no id', request: newDoc(34, { id: undefined }), expect: invalid },
  { name: 'no createdAt', request: newDoc(35, { createdAt: undefined }), expect: invalid },
  { name: 'empty given name', request: newDoc(36, { givenName: '' }), expect: invalid },
  { name: 'row without a document', request: push([{}]), expect: invalid },
  { name: 'row is a string', request: push(['a row']), expect: invalid },
  { name: 'row is null', request: push([null]), expect: invalid },
  {
    name: 'push without rows',
    request: { method: 'POST', path: PUSH, body: json({}) },
    expect: badRequest,
  },
  {
    name: 'rows is an object',
    request: { method: 'POST', path: PUSH, body: json({ rows: { 0: {} } }) },
    expect: badRequest,
  },
  {
    name: 'push body is an array',
    request: { method: 'POST', path: PUSH, body: json([]) },
    expect: badRequest,
  },
  {
    name: 'push body is null',
    request: { method: 'POST', path: PUSH, body: json(null) },
    expect: badRequest,
  },

  // ── Oversized documents and bodies ─────────────────────────────────────────────────────
  {
    name: 'given name of 101 letters',
    request: newDoc(40, { givenName: 'A'.repeat(101) }),
    expect: invalid,
  },
  {
    name: 'address line of 10,000 characters',
    request: newDoc(41, {
      address: { line1: 'x'.repeat(10_000), city: 'X', state: 'NY', postalCode: '12345' },
    }),
    expect: invalid,
  },
  {
    name: 'email of 300 characters',
    request: newDoc(42, { email: `${'a'.repeat(290)}@example.org` }),
    expect: invalid,
  },
  {
    name: 'a thousand unknown fields',
    request: newDoc(43, Object.fromEntries(Array.from({ length: 1000 }, (_, n) => [`f${n}`, n]))),
    expect: invalid,
  },
  {
    name: 'push body over 1 MB',
    request: newDoc(44, { note: 'x'.repeat(1_100_000) }),
    expect: { status: 413, code: 'payload-too-large' },
  },
  {
    name: 'push body over 1 MB, chunked',
    request: { method: 'POST', path: PUSH, body: 'CHUNKED' },
    expect: { status: 413, code: 'payload-too-large' },
  },
  {
    name: 'sign-in body over 16 KB',
    request: login({ username: 'rosa', password: 'p'.repeat(20_000) }),
    expect: { status: 413, code: 'payload-too-large' },
  },
  {
    name: 'device report over 4 KB',
    request: {
      method: 'POST',
      path: '/api/sync/v1/devices/report',
      body: json({ pad: 'x'.repeat(5000) }),
    },
    expect: { status: 413, code: 'payload-too-large' },
  },
  {
    name: 'audit upload over 256 KB',
    request: upload(Array.from({ length: 3000 }, () => view())),
    expect: { status: 413, code: 'payload-too-large' },
  },

  // ── Huge arrays ────────────────────────────────────────────────────────────────────────
  {
    name: '501 rows in one push',
    request: push(Array.from({ length: 501 }, () => ({}))),
    expect: { status: 413, code: 'payload-too-large' },
  },
  {
    name: '100,000 empty rows',
    request: push(Array.from({ length: 100_000 }, () => 0)),
    expect: { status: 413, code: 'payload-too-large' },
  },
  {
    name: 'a field holding 50,000 numbers',
    request: newDoc(50, { givenName: Array.from({ length: 50_000 }, (_, n) => n) }),
    expect: invalid,
  },
  {
    name: '501 audit events in one upload',
    request: upload(Array.from({ length: 501 }, () => view())),
    expect: badRequest,
  },
  { name: 'audit upload with no events', request: upload([]), expect: badRequest },

  // ── Deep nesting ───────────────────────────────────────────────────────────────────────
  {
    name: 'push nested 40 deep',
    request: push(nested(40)),
    expect: { status: 400, code: 'nesting-too-deep' },
  },
  {
    name: 'conflict value nested 2,000 deep',
    request: newDoc(55, {
      conflicts: {
        c: { path: 'phone', kept: { value: nested(2_000) }, other: {}, status: 'open' },
      },
    }),
    expect: { status: 400, code: 'nesting-too-deep' },
  },
  {
    name: 'sign-in nested 100 deep',
    request: login({ username: nested(100), password: 'x' }),
    expect: { status: 400, code: 'nesting-too-deep' },
  },
  {
    name: 'audit upload nested 50 deep',
    request: upload([view({ recordId: nested(50) })]),
    expect: { status: 400, code: 'nesting-too-deep' },
  },
  {
    name: 'nesting of 100,000 brackets',
    request: {
      method: 'POST',
      path: PUSH,
      body: `{"rows":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    },
    expect: { status: 400, code: 'nesting-too-deep' },
  },

  // ── __proto__ and constructor keys ─────────────────────────────────────────────────────
  {
    name: '__proto__ key in a document',
    request: {
      method: 'POST',
      path: PUSH,
      body: `{"rows":[{"newDocumentState":${JSON.stringify(patient(160)).replace('{', '{"__proto__":{"role":"admin"},')}}]}`,
    },
    expect: invalid,
  },
  {
    name: 'constructor key in a document',
    request: newDoc(61, { constructor: { prototype: { role: 'admin' } } }),
    expect: invalid,
  },
  {
    name: 'prototype key in a document',
    request: newDoc(62, { prototype: { polluted: true } }),
    expect: invalid,
  },
  {
    name: '__proto__ inside the address',
    request: {
      method: 'POST',
      path: PUSH,
      body: `{"rows":[{"newDocumentState":${JSON.stringify({ ...patient(163), address: { line1: '1 Main St', city: 'X', state: 'NY', postalCode: '12345' } }).replace('"address":{', '"address":{"__proto__":{"polluted":true},')}}]}`,
    },
    expect: invalid,
  },
  {
    name: '__proto__ as the push envelope',
    request: { method: 'POST', path: PUSH, body: '{"__proto__":{"rows":[]}}' },
    expect: badRequest,
  },
  {
    name: '__proto__ in sign-in',
    request: { ...login({}), body: '{"__proto__":{"username":"rosa","password":"x"}}' },
    expect: { status: 400, code: 'invalid-text' },
  },
  {
    name: '__proto__ in an audit event',
    request: {
      method: 'POST',
      path: UPLOAD,
      body: `{"events":[${JSON.stringify(view()).replace('{', '{"__proto__":{"userId":"x"},')}]}`,
    },
    expect: { status: 400, code: 'invalid-text' },
  },
  {
    name: 'constructor in a device report',
    request: {
      method: 'POST',
      path: '/api/sync/v1/devices/report',
      body: json({ constructor: { name: 'x' } }),
    },
    expect: { status: 400, code: 'invalid-text' },
  },

  // ── Invalid UTF-8 and not JSON ─────────────────────────────────────────────────────────
  {
    name: 'invalid UTF-8 in a name',
    request: {
      method: 'POST',
      path: PUSH,
      body: utf8WithBadByte(
        `{"rows":[{"newDocumentState":${JSON.stringify(patient(170)).replace('"Ada"', '"Ad\u0001"')}}]}`,
      ),
    },
    expect: notJson,
  },
  {
    name: 'lone continuation byte',
    request: { method: 'POST', path: PUSH, body: new Uint8Array([0x7b, 0x80, 0x7d]) },
    expect: notJson,
  },
  {
    name: 'overlong encoding of "/"',
    request: {
      method: 'POST',
      path: PUSH,
      body: new Uint8Array([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]),
    },
    expect: notJson,
  },
  {
    name: 'UTF-16 surrogate encoded in UTF-8',
    request: {
      ...login({}),
      body: new Uint8Array([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]),
    },
    expect: notJson,
  },
  {
    name: 'truncated JSON',
    request: { method: 'POST', path: PUSH, body: '{"rows":[{"newDocumentState":' },
    expect: notJson,
  },
  {
    name: 'JSON with a trailing comma',
    request: { method: 'POST', path: PUSH, body: '{"rows":[],}' },
    expect: notJson,
  },
  {
    name: 'single-quoted JSON',
    request: { ...login({}), body: "{'username':'rosa'}" },
    expect: notJson,
  },
  { name: 'empty body', request: { method: 'POST', path: PUSH, body: '' }, expect: notJson },
  {
    name: 'NaN in JSON',
    request: { method: 'POST', path: PUSH, body: '{"rows":NaN}' },
    expect: notJson,
  },
  {
    name: 'byte order mark and garbage',
    request: { method: 'POST', path: UPLOAD, body: '\ufeff\u0000\u0000' },
    expect: notJson,
  },

  // ── Wrong content types ────────────────────────────────────────────────────────────────
  {
    name: 'push as text/plain',
    request: { ...push([]), headers: { 'content-type': 'text/plain' } },
    expect: { status: 415, code: 'unsupported-media-type' },
  },
  {
    name: 'push as a form',
    request: {
      method: 'POST',
      path: PUSH,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'rows=1',
    },
    expect: { status: 415, code: 'unsupported-media-type' },
  },
  {
    name: 'push as multipart',
    request: {
      method: 'POST',
      path: PUSH,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x--',
    },
    expect: { status: 415, code: 'unsupported-media-type' },
  },
  {
    name: 'push without a content type',
    request: { method: 'POST', path: PUSH, headers: { 'content-type': '' }, body: '{"rows":[]}' },
    expect: { status: 415, code: 'unsupported-media-type' },
  },
  {
    name: 'push as application/jsonp',
    request: { ...push([]), headers: { 'content-type': 'application/jsonp' } },
    expect: { status: 415, code: 'unsupported-media-type' },
  },
  {
    name: 'sign-in as a form',
    request: {
      method: 'POST',
      path: '/api/auth/login',
      as: 'nobody',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=rosa&password=x',
    },
    expect: { status: 415, code: 'unsupported-media-type' },
  },
  {
    name: 'audit upload as XML',
    request: {
      method: 'POST',
      path: UPLOAD,
      headers: { 'content-type': 'application/xml' },
      body: '<events/>',
    },
    expect: { status: 415, code: 'unsupported-media-type' },
  },
  {
    name: 'file upload as JSON',
    request: {
      method: 'PUT',
      path: `/api/blobs/${'a'.repeat(64)}`,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    },
    expect: { status: 415, code: 'unsupported-media-type' },
  },
  {
    name: 'file upload as HTML',
    request: {
      method: 'PUT',
      path: `/api/blobs/${'a'.repeat(64)}`,
      headers: { 'content-type': 'text/html' },
      body: '<script>alert(1)</script>',
    },
    expect: { status: 415, code: 'unsupported-media-type' },
  },

  // ── Replayed pushes ────────────────────────────────────────────────────────────────────
  {
    name: 'replay of the first write',
    request: push([{ newDocumentState: STORED }]),
    expect: { replay: true },
  },
  {
    name: 'replay of the latest change',
    request: push([{ assumedMasterState: STORED, newDocumentState: STORED_V2 }]),
    expect: { replay: true },
  },
  {
    name: 'replay of a state the record has left',
    request: push([
      { newDocumentState: STORED },
      { assumedMasterState: STORED, newDocumentState: STORED_V2 },
    ]),
    expect: { replay: true },
  },
  {
    name: 'replay of an audit upload',
    request: upload([view({ eventId: '0195a0c4-dddd-7000-8000-000000000001' })]),
    expect: { replay: true },
  },

  // ── Forged pushes ──────────────────────────────────────────────────────────────────────
  {
    name: 'editedBy names another user',
    request: newDoc(80, {
      editedBy: { userId: 'someone-else', name: 'Sam', deviceId: SAM_DEVICE },
    }),
    expect: { rowsRefused: 'forbidden' },
  },
  {
    name: 'editedBy names another device',
    request: newDoc(81, { editedBy: { userId: 'ROSA', name: 'Rosa', deviceId: SAM_DEVICE } }),
    expect: { rowsRefused: 'forbidden' },
  },
  { name: 'server seq inside the document', request: newDoc(82, { seq: 999 }), expect: invalid },
  {
    name: 'server time inside the document',
    request: newDoc(83, { serverTime: '2030-01-01T00:00:00.000Z' }),
    expect: invalid,
  },
  {
    name: 'writer inside the document',
    request: newDoc(84, { writtenByUser: 'admin' }),
    expect: invalid,
  },
  {
    name: 'RxDB _rev and _meta pushed',
    request: newDoc(85, { _rev: '1-x', _meta: { lwt: 1 } }),
    expect: invalid,
  },
  {
    name: 'assumed state of another record',
    request: push([{ assumedMasterState: patient(2), newDocumentState: STORED_V2 }]),
    expect: { rowsRefused: 'id-mismatch' },
  },
  {
    name: 'assumed state is a string',
    request: push([{ assumedMasterState: 'x', newDocumentState: STORED_V2 }]),
    expect: invalid,
  },
  {
    name: "another user's device id",
    request: { ...push([{ newDocumentState: patient(186) }]), deviceId: SAM_DEVICE },
    expect: { status: 401, code: 'session-on-another-device' },
  },
  {
    name: 'device id not a UUID',
    request: { ...push([]), deviceId: 'tablet-1' },
    expect: badRequest,
  },
  {
    name: 'no protocol header',
    request: { ...push([]), syncHeaders: false },
    expect: { status: 426, code: 'update-required' },
  },
  {
    name: 'a protocol from the future',
    request: { ...push([]), headers: { 'x-clinicdesk-protocol': '99' } },
    expect: badRequest,
  },
  {
    name: 'no session',
    request: { ...push([{ newDocumentState: patient(187) }]), as: 'nobody' },
    expect: { status: 401, code: 'unauthenticated' },
  },
  {
    name: 'a made-up session cookie',
    request: {
      ...push([{ newDocumentState: patient(188) }]),
      as: 'nobody',
      headers: { cookie: `cd_session=${'A'.repeat(43)}` },
    },
    expect: { status: 401, code: 'unauthenticated' },
  },
  {
    name: 'audit events of another user',
    request: upload([view({ userId: 'someone-else' })]),
    expect: { status: 403, code: 'forbidden' },
  },
  {
    name: 'audit event claiming a change',
    request: upload([view({ action: 'change' })]),
    expect: badRequest,
  },
  {
    name: 'audit event with a server position',
    request: upload([view({ position: 1 })]),
    expect: badRequest,
  },
  {
    name: 'audit event with a hash',
    request: upload([view({ hash: '0'.repeat(64) })]),
    expect: badRequest,
  },
  {
    name: 'audit event time not a time',
    request: upload([view({ deviceTime: 'now' })]),
    expect: badRequest,
  },
  {
    name: 'push to an unknown collection',
    request: { method: 'POST', path: '/api/sync/v1/users/push', body: json({ rows: [] }) },
    expect: { status: 404, code: 'unknown-collection' },
  },
  {
    name: 'audit report by a receptionist',
    request: { path: '/api/audit/v1/events' },
    expect: { status: 403, code: 'forbidden' },
  },

  // ── Bad checkpoints ────────────────────────────────────────────────────────────────────
  {
    name: 'checkpoint below zero',
    request: { path: '/api/sync/v1/patients/pull?since=-1' },
    expect: badRequest,
  },
  {
    name: 'checkpoint not a number',
    request: { path: '/api/sync/v1/patients/pull?since=abc' },
    expect: badRequest,
  },
  {
    name: 'checkpoint as a float',
    request: { path: '/api/sync/v1/patients/pull?since=1.5' },
    expect: badRequest,
  },
  {
    name: 'checkpoint past the safe integers',
    request: { path: '/api/sync/v1/patients/pull?since=99999999999999999' },
    expect: badRequest,
  },
  {
    name: 'checkpoint in exponent form',
    request: { path: '/api/sync/v1/patients/pull?since=1e9' },
    expect: badRequest,
  },
  {
    name: 'checkpoint with SQL',
    request: { path: '/api/sync/v1/patients/pull?since=0%3BDROP%20TABLE%20documents' },
    expect: badRequest,
  },
  {
    name: 'pull limit of zero',
    request: { path: '/api/sync/v1/patients/pull?limit=0' },
    expect: badRequest,
  },
  {
    name: 'pull limit of a million',
    request: { path: '/api/sync/v1/patients/pull?limit=1000000' },
    expect: badRequest,
  },
  {
    name: 'pull of an unknown collection',
    request: { path: '/api/sync/v1/documents/pull' },
    expect: { status: 404, code: 'unknown-collection' },
  },

  // ── Bad file hashes ────────────────────────────────────────────────────────────────────
  {
    name: 'file address too short',
    request: {
      method: 'PUT',
      path: '/api/blobs/abc',
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg(),
    },
    expect: badRequest,
  },
  {
    name: 'file address in upper case',
    request: {
      method: 'PUT',
      path: `/api/blobs/${'A'.repeat(64)}`,
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg(),
    },
    expect: badRequest,
  },
  {
    name: 'file address with path traversal',
    request: {
      method: 'PUT',
      path: `/api/blobs/..%2F..%2F${'a'.repeat(58)}`,
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg(),
    },
    expect: { status: 404, code: 'not-found' },
  },
  {
    name: 'file bytes not matching the address',
    request: {
      method: 'PUT',
      path: `/api/blobs/${'a'.repeat(64)}`,
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg(),
    },
    expect: badRequest,
  },
  {
    name: 'file read by a bad address',
    request: { path: '/api/blobs/not-a-hash' },
    expect: badRequest,
  },
  {
    name: 'file with a dishonest length',
    request: {
      method: 'PUT',
      path: `/api/blobs/${'a'.repeat(64)}`,
      headers: { 'content-type': 'image/jpeg', 'content-length': '-5' },
      body: jpeg(),
    },
    expect: badRequest,
  },

  // ── Sign-in ────────────────────────────────────────────────────────────────────────────
  {
    name: 'username is a number',
    request: login({ username: 7, password: 'x' }),
    expect: badRequest,
  },
  { name: 'no password', request: login({ username: 'rosa' }), expect: badRequest },
  {
    name: 'password of 2,000 characters',
    request: login({ username: 'rosa', password: 'p'.repeat(2000) }),
    expect: badRequest,
  },
  { name: 'sign-in body is an array', request: login(['rosa', 'x']), expect: badRequest },
  {
    name: 'SQL-ish username in sign-in',
    request: login({ username: "admin'--", password: "' OR '1'='1", deviceId: ROSA_DEVICE }),
    // A failed sign-in like any other; it is recorded in the audit trail, by design.
    expect: { status: 401, code: 'invalid-credentials' },
  },
  {
    // A session is bound to the device it signs in on, so it must say which (ADR 8).
    name: 'sign-in without a device id',
    request: login({ username: 'rosa', password: 'x' }),
    expect: badRequest,
  },
  {
    name: 'device id in sign-in not a UUID',
    request: login({ username: 'rosa', password: 'x', deviceId: '../../etc' }),
    expect: badRequest,
  },

  // ── Second-factor step (a forged or missing pending sign-in) ───────────────────────────
  {
    name: 'code of five digits',
    request: secondFactor('/code', { code: '12345' }),
    expect: badRequest,
  },
  {
    name: 'code is a number',
    request: secondFactor('/code', { code: 123456 }),
    expect: badRequest,
  },
  {
    name: 'code of 20,000 characters',
    request: secondFactor('/code', { code: '1'.repeat(20_000) }),
    expect: { status: 413, code: 'payload-too-large' },
  },
  {
    name: 'code without a pending sign-in',
    request: secondFactor('/code', { code: '123456' }),
    expect: { status: 401, code: 'sign-in-expired' },
  },
  {
    name: 'code with a forged pending sign-in cookie',
    request: secondFactor('/code', { code: '123456' }, { cookie: `cd_sign_in=${'A'.repeat(43)}` }),
    expect: { status: 401, code: 'sign-in-expired' },
  },
  {
    name: 'enrolment secret asked for without a pending sign-in',
    request: secondFactor('/enrolment', {}),
    expect: { status: 401, code: 'sign-in-expired' },
  },
  {
    name: 'enrolment confirmed with SQL-ish code',
    request: secondFactor('/enrolment/confirm', { code: "1' OR '1'='1" }),
    expect: badRequest,
  },

  // ── XSS strings in names and SQL-ish strings ────────────────────────────────────────────
  ...XSS.flatMap((text, n): BadInputCase[] => [
    {
      name: `XSS in the first name: ${text}`,
      request: newDoc(200 + n, { givenName: text }),
      expect: invalid,
    },
    {
      name: `XSS in the last name: ${text}`,
      request: newDoc(220 + n, { familyName: text }),
      expect: invalid,
    },
  ]),
  {
    name: 'XSS in the middle name',
    request: newDoc(240, { middleName: '<b onmouseover=alert(1)>x</b>' }),
    expect: invalid,
  },
  {
    name: 'XSS as the email',
    request: newDoc(241, { email: '"><script>alert(1)</script>@example.org' }),
    expect: invalid,
  },
  {
    name: 'javascript: URL as a photo type',
    request: newDoc(242, {
      photo: { sha256: 'a'.repeat(64), type: 'javascript:alert(1)', size: 1 },
    }),
    expect: invalid,
  },
  ...SQLISH.map((text, n): BadInputCase => ({
    name: `SQL-ish first name: ${text}`,
    request: newDoc(250 + n, { givenName: text }),
    expect: invalid,
  })),
  {
    name: 'SQL-ish collection name',
    request: {
      method: 'POST',
      path: "/api/sync/v1/patients';DROP%20TABLE%20documents;--/push",
      body: json({ rows: [] }),
    },
    expect: { status: 404, code: 'not-found' },
  },
  {
    name: 'SQL-ish audit report filter',
    request: { path: "/api/audit/v1/events?record=1'%20OR%20'1'='1", as: 'olga' },
    expect: badRequest,
  },
  {
    name: 'SQL-ish audit report date',
    request: { path: "/api/audit/v1/events?from=2026-01-01'%20OR%201=1--", as: 'olga' },
    expect: badRequest,
  },
  {
    name: 'audit report page of zero',
    request: { path: '/api/audit/v1/events?page=0', as: 'olga' },
    expect: badRequest,
  },
  {
    name: 'audit report range backwards',
    request: {
      path: '/api/audit/v1/events?from=2026-03-02T00:00:00.000Z&to=2026-03-01T00:00:00.000Z',
      as: 'olga',
    },
    expect: badRequest,
  },
];

/** JSON text whose marked character (U+0001) is replaced by a byte that is never valid UTF-8. */
function utf8WithBadByte(text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  return bytes.map((byte) => (byte === 0x01 ? 0xff : byte));
}

/** The first bytes of a JPEG: a plausible photo whose hash is not the address it is sent to. */
function jpeg(): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
}
