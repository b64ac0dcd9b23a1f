import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse, WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { PUSH_ROWS_MAX, SYNC_BASE_PATH } from '@clinicdesk/shared/sync/protocol.ts';
import {
  addStaff,
  changed,
  created,
  createTestServer,
  device,
  patient,
  signIn,
  type TestServer,
} from '../test-support.ts';

let server: TestServer;
let deviceA: ReturnType<typeof device>;
let deviceB: ReturnType<typeof device>;

beforeEach(async () => {
  server = await createTestServer();
  await addStaff(server, 'rosa');
  await addStaff(server, 'sam');
  deviceA = device(server, await signIn(server, 'rosa'));
  deviceB = device(server, await signIn(server, 'sam'));
});
afterEach(() => server.close());

async function pull(d: typeof deviceA, query = ''): Promise<PullResponse> {
  const response = await d.pull('patients', query);
  expect(response.status).toBe(200);
  return (await response.json()) as PullResponse;
}

async function push(d: typeof deviceA, rows: unknown[]): Promise<PushResponse> {
  const response = await d.push('patients', rows);
  expect(response.status).toBe(200);
  return (await response.json()) as PushResponse;
}

/** Pulls page by page from `since` until a page comes back empty, as replication does. */
async function pullAll(d: typeof deviceA, limit: number, since = 0) {
  const pages: PullResponse[] = [];
  let checkpoint = since;
  for (;;) {
    const page = await pull(d, `?since=${checkpoint}&limit=${limit}`);
    pages.push(page);
    if (page.documents.length === 0) return { pages, checkpoint };
    expect(page.checkpoint.seq).toBeGreaterThan(checkpoint);
    checkpoint = page.checkpoint.seq;
  }
}

describe('pull', () => {
  it('pages through every document exactly once, in write order, with a rising checkpoint', async () => {
    const docs = Array.from({ length: 25 }, (_, i) => patient(i));
    await push(deviceA, docs.slice(0, 7).map(created));
    await push(deviceB, docs.slice(7, 19).map(created));
    await push(deviceA, docs.slice(19).map(created));

    const { pages, checkpoint } = await pullAll(deviceB, 10);

    expect(pages.map((page) => page.documents.length)).toEqual([10, 10, 5, 0]);
    const pulled = pages.flatMap((page) => page.documents);
    expect(pulled).toEqual(docs);
    // The final empty page leaves the checkpoint where it was.
    expect(pages.at(-1)?.checkpoint).toEqual({ seq: checkpoint });
  });

  it('moves an edited document to the end, so a device that has pulled everything gets it next', async () => {
    const docs = [patient(1), patient(2), patient(3)];
    await push(deviceA, docs.map(created));
    const before = await pullAll(deviceB, 10);

    const edited = { ...docs[0]!, phone: '+15035550123', updatedAt: '2026-03-02T09:30:00.000Z' };
    await push(deviceA, [changed(docs[0]!, edited)]);

    const after = await pullAll(deviceB, 10, before.checkpoint);
    expect(after.pages.flatMap((page) => page.documents)).toEqual([edited]);
    const fromScratch = (await pull(deviceB)).documents;
    expect(fromScratch.map((doc) => doc.id)).toEqual([docs[1]!.id, docs[2]!.id, docs[0]!.id]);
  });

  it('sends the stored documents as they are: the body is exactly the JSON of the answer', async () => {
    await push(deviceA, [created(patient(1)), created({ ...patient(2), givenName: 'Zoë' })]);
    const response = await deviceB.pull('patients');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    const answer = JSON.parse(text) as PullResponse;
    expect(answer.documents.map((doc) => doc.givenName)).toEqual([patient(1).givenName, 'Zoë']);
    expect(text).toBe(JSON.stringify(answer));
  });

  it('answers an empty collection with the checkpoint it was given', async () => {
    expect(await pull(deviceA, '?since=42')).toEqual({
      documents: [],
      seqs: [],
      checkpoint: { seq: 42 },
      remaining: 0,
    });
  });

  it('says how many documents are still to come after each page, so a device can show n of N', async () => {
    await push(
      deviceA,
      Array.from({ length: 25 }, (_, i) => created(patient(i))),
    );
    const { pages } = await pullAll(deviceB, 10);
    expect(pages.map((page) => [page.documents.length, page.remaining])).toEqual([
      [10, 15],
      [10, 5],
      [5, 0],
      [0, 0],
    ]);
    // A page that ends exactly at the last document is full, yet nothing follows it.
    expect((await pull(deviceB, '?since=0&limit=25')).remaining).toBe(0);
  });

  it.each(['?since=-1', '?since=abc', '?limit=0', '?limit=1001', '?limit=2.5', '?since=1e3'])(
    'refuses %s with 400',
    async (query) => {
      const response = await deviceA.pull('patients', query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid-request' } });
    },
  );

  it.each(['appointments', '__proto__', 'constructor', 'toString'])(
    'answers the unknown collection %s with 404',
    async (collection) => {
      const response = await deviceA.pull(collection);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'unknown-collection' } });
    },
  );
});

describe('push', () => {
  it('returns the server state as a conflict when the assumed state is stale, and writes nothing', async () => {
    const original = patient(1);
    await push(deviceA, [created(original)]);
    const byA = { ...original, familyName: 'Moreno', updatedAt: '2026-03-02T09:10:00.000Z' };
    await push(deviceA, [changed(original, byA)]);

    // Device B still bases its edit on the original.
    const byB = { ...original, givenName: 'Adaline', updatedAt: '2026-03-02T09:11:00.000Z' };
    const result = await push(deviceB, [changed(original, byB)]);

    expect(result).toEqual({ conflicts: [byA], rejected: [] });
    const { documents } = await pull(deviceB);
    expect(documents).toEqual([byA]);
  });

  it('treats a new document whose id is already taken as a conflict', async () => {
    const mine = patient(1);
    await push(deviceA, [created(mine)]);
    const theirs = { ...mine, givenName: 'Beatrix' };
    expect(await push(deviceB, [created(theirs)])).toEqual({ conflicts: [mine], rejected: [] });
  });

  it('accepts the same push twice without a conflict or a second sequence number', async () => {
    const doc = patient(1);
    const edited = { ...doc, familyName: 'Okafor' };
    await push(deviceA, [created(doc)]);
    const { checkpoint } = await pull(deviceB);

    const first = await push(deviceA, [changed(doc, edited)]);
    // The response to the first attempt was lost; the device sends it again.
    const retry = await push(deviceA, [changed(doc, edited)]);

    expect(first).toMatchObject({ conflicts: [], rejected: [] });
    expect(retry).toMatchObject({ conflicts: [], rejected: [] });
    const since = await pull(deviceB, `?since=${checkpoint.seq}`);
    expect(since.documents).toEqual([edited]);
    expect(since.checkpoint.seq).toBe(checkpoint.seq + 1);
  });

  it('ignores RxDB bookkeeping and key order when comparing states', async () => {
    const doc = patient(1);
    await push(deviceA, [created(doc)]);
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as WireDocument;
    const withMeta = { ...reordered, _meta: { lwt: 1 }, _rev: '1-abc', _attachments: {} };
    const edited = { ...doc, sex: 'unknown' };
    expect(await push(deviceB, [changed(withMeta, edited)])).toMatchObject({
      conflicts: [],
      rejected: [],
    });
  });

  it('refuses invalid rows one by one and stores the valid rows beside them', async () => {
    const good = [patient(1), patient(2)];
    const withUnknownField = { ...patient(3), insuranceNotes: 'x' };
    const badPhone = { ...patient(4), phone: '555-1234' };
    const other = patient(5);
    const result = await push(deviceA, [
      created(good[0]!),
      { newDocumentState: withUnknownField },
      { newDocumentState: badPhone },
      { newDocumentState: { ...patient(6), _deleted: 'no' } },
      { assumedMasterState: other, newDocumentState: patient(7) },
      { assumedMasterState: 'stale', newDocumentState: patient(8) },
      'not a row',
      created(good[1]!),
    ]);

    expect(result.conflicts).toEqual([]);
    expect(result.rejected.map(({ id, code }) => ({ id, code }))).toEqual([
      { id: withUnknownField.id, code: 'invalid-document' },
      { id: badPhone.id, code: 'invalid-document' },
      { id: patient(6).id, code: 'invalid-document' },
      { id: patient(7).id, code: 'id-mismatch' },
      { id: patient(8).id, code: 'invalid-document' },
      { id: '', code: 'invalid-document' },
    ]);
    expect(result.rejected[1]?.issues).toEqual([
      { path: 'phone', message: 'Enter a phone number with its area code' },
    ]);
    // The refusal names the field, never the value that was sent.
    expect(JSON.stringify(result.rejected)).not.toContain('555-1234');
    expect((await pull(deviceB)).documents).toEqual(good);
  });

  it('keeps a deleted document as a tombstone that devices pull', async () => {
    const doc = patient(1);
    await push(deviceA, [created(doc)]);
    const { checkpoint } = await pull(deviceB);

    const tombstone = { ...doc, _deleted: true };
    expect(await push(deviceA, [changed(doc, tombstone)])).toMatchObject({
      conflicts: [],
      rejected: [],
    });

    const since = await pull(deviceB, `?since=${checkpoint.seq}`);
    expect(since.documents).toEqual([tombstone]);
    // The row is still there for any device that has not heard of the deletion yet.
    expect((await pull(deviceB)).documents).toEqual([tombstone]);
  });

  it.each([
    ['a list', []],
    ['rows that are not a list', { rows: {} }],
    ['no rows', {}],
  ])('refuses a body of %s with 400', async (_, body) => {
    const response = await server.request(`${SYNC_BASE_PATH}/patients/push`, {
      method: 'POST',
      headers: { ...deviceA.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await server.request(`${SYNC_BASE_PATH}/patients/push`, {
      method: 'POST',
      headers: { ...deviceA.headers, 'content-type': 'application/json' },
      body: '{"rows": [',
    });
    expect(response.status).toBe(400);
  });

  it('refuses anything but JSON with 415', async () => {
    const response = await server.request(`${SYNC_BASE_PATH}/patients/push`, {
      method: 'POST',
      headers: { ...deviceA.headers, 'content-type': 'text/plain' },
      body: JSON.stringify({ rows: [] }),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: 'unsupported-media-type' } });
  });

  it('refuses more rows than allowed, and bodies over 1 MiB, with 413', async () => {
    const tooMany = await deviceA.push(
      'patients',
      Array.from({ length: PUSH_ROWS_MAX + 1 }, () => ({})),
    );
    expect(tooMany.status).toBe(413);
    const huge = await deviceA.push('patients', [
      created({ ...patient(1), givenName: 'A'.repeat(1_100_000) }),
    ]);
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload-too-large' } });
    expect((await pull(deviceA)).documents).toEqual([]);
  });

  it('refuses a push to an unknown collection with 404', async () => {
    const response = await deviceA.push('appointments', [created(patient(1))]);
    expect(response.status).toBe(404);
  });
});
