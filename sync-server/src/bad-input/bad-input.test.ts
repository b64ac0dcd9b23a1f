import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '@clinicdesk/shared/sync/protocol.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '@clinicdesk/shared/sync/protocol.ts';
import { verifyAuditTrail } from '../services/audit-verify.ts';
import { openFsBlobStorage } from '../storage/blobs/fs-blob-storage.ts';
import { openPostgresStore } from '../storage/postgres/postgres-store.ts';
import { createTestSchema, describePostgres } from '../storage/postgres/postgres-test-database.ts';
import type { Store } from '../storage/store.ts';
import {
  addStaff,
  createTempDir,
  createTestServer,
  signIn,
  TEST_START,
  type TestServer,
} from '../test-support.ts';
import {
  BAD_INPUT_CORPUS,
  ROSA_DEVICE,
  SAM_DEVICE,
  STORED,
  STORED_V2,
  type BadRequest,
  type Who,
} from './bad-input.corpus.ts';
import { ADAM_DEVICE, WELL_FORMED_CORPUS } from './well-formed.corpus.ts';

const CORPUS = [...BAD_INPUT_CORPUS, ...WELL_FORMED_CORPUS];

/**
 * Runs the bad-input corpora (bad-input.corpus.ts, well-formed.corpus.ts) against the real app on
 * a real SQLite file and on PostgreSQL: each case gets its expected answer, stores nothing, and
 * the server answers a normal request right after.
 */
describeBadInput('SQLite', async () => ({ store: undefined, cleanup: async () => {} }));

describePostgres('on PostgreSQL', () => {
  describeBadInput('PostgreSQL', async () => {
    const schema = await createTestSchema();
    const store = await openPostgresStore(schema.url, { now: TEST_START, maxConnections: 4 });
    return { store, cleanup: schema.drop };
  });
});

function describeBadInput(
  storeName: string,
  openStore: () => Promise<{ store: Store | undefined; cleanup: () => Promise<void> }>,
) {
  let server: TestServer;
  let blobRoot: Awaited<ReturnType<typeof createTempDir>>;
  let cleanup: () => Promise<void>;
  const cookies = {} as Record<Exclude<Who, 'nobody'>, string>;
  let rosaId = '';

  beforeAll(async () => {
    blobRoot = await createTempDir();
    const opened = await openStore();
    cleanup = opened.cleanup;
    server = await createTestServer({
      blobs: await openFsBlobStorage(blobRoot.path),
      ...(opened.store ? { store: opened.store } : {}),
    });
    rosaId = (await addStaff(server, 'rosa')).id;
    await addStaff(server, 'olga', 'office-manager');
    await addStaff(server, 'sam');
    await addStaff(server, 'adam', 'admin');
    // Sessions bound to their devices, as the app signs in.
    cookies.rosa = await signInOn('rosa', ROSA_DEVICE);
    cookies.olga = await signInOn('olga', '0195a0c4-eeee-7000-8000-00000000000e');
    cookies.adam = await signInOn('adam', ADAM_DEVICE);
    await signInOn('sam', SAM_DEVICE);
    // A patient on file, changed once, and one audit upload already made: what replays replay.
    for (const rows of [
      [{ newDocumentState: STORED }],
      [{ assumedMasterState: STORED, newDocumentState: STORED_V2 }],
    ])
      expect(
        (
          await send({
            method: 'POST',
            path: '/api/sync/v1/patients/push',
            body: { json: { rows } },
          })
        ).status,
      ).toBe(200);
    const replayed = CORPUS.find((c) => c.name === 'replay of an audit upload');
    expect((await send(replayed!.request)).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await server.close();
    await blobRoot.remove();
    await cleanup();
  });

  const signInOn = (username: string, deviceId: string) => signIn(server, username, { deviceId });

  /** Sends a corpus request as a browser or a hostile client would. */
  async function send(request: BadRequest): Promise<Response> {
    const headers = new Headers();
    const who = request.as ?? 'rosa';
    if (who !== 'nobody') headers.set('cookie', cookies[who]);
    const syncPath = /^\/api\/(sync|blobs)\//.test(request.path);
    if (request.syncHeaders ?? syncPath) {
      headers.set(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
      headers.set(
        DEVICE_HEADER,
        request.deviceId ??
          (who === 'olga'
            ? '0195a0c4-eeee-7000-8000-00000000000e'
            : who === 'adam'
              ? ADAM_DEVICE
              : ROSA_DEVICE),
      );
    }
    let body: RequestInit['body'];
    let duplex: 'half' | undefined;
    if (typeof request.body === 'object' && 'json' in request.body) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(request.body.json).replaceAll('"ROSA"', JSON.stringify(rosaId));
    } else if (request.body === 'CHUNKED') {
      headers.set('content-type', 'application/json');
      // No Content-Length: the size is only known by counting the bytes as they come.
      body = new ReadableStream({
        start(controller) {
          for (let n = 0; n < 12; n++)
            controller.enqueue(new TextEncoder().encode(' '.repeat(100_000)));
          controller.close();
        },
      });
      duplex = 'half';
    } else if (request.body !== undefined) {
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      body = request.body;
    }
    for (const [name, value] of Object.entries(request.headers ?? {}))
      if (value === '') headers.delete(name);
      else headers.set(name, value);
    return server.request(request.path.replaceAll('ROSA', rosaId), {
      method: request.method ?? 'GET',
      headers,
      body,
      ...(duplex ? { duplex } : {}),
    } as RequestInit);
  }

  /** Everything a request could have stored: documents and their history, users, files. */
  async function storedState() {
    const page = await server.store.pull('patients', 0, 1000);
    const visits = await server.store.pull('visits', 0, 1000);
    const merges = await server.store.pull('chartMerges', 0, 1000);
    return {
      documents: page.documents,
      visits: visits.documents,
      merges: merges.documents,
      lastSeq: page.lastSeq,
      users: await server.store.countUsers(),
      staff: (await server.store.listUsers()).map((u) => [u.username, u.displayName, u.active]),
      files: await readdir(blobRoot.path, { recursive: true }),
      auditEntries: (await server.store.auditChainHead()).position,
    };
  }

  describe(`the bad-input corpus on ${storeName}`, () => {
    it('has at least 100 hostile requests, and 60 of broken, hidden or implausible text', () => {
      console.log(`bad-input corpus: ${CORPUS.length} malformed and hostile requests`);
      expect(BAD_INPUT_CORPUS.length).toBeGreaterThanOrEqual(100);
      expect(WELL_FORMED_CORPUS.length).toBeGreaterThanOrEqual(60);
      expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
    });

    it.each(CORPUS.map((c) => [c.name, c] as const))(
      '%s',
      async (_, { request, expect: expected }) => {
        const before = await storedState();
        const response = await send(request);
        const body: unknown = await response.json().catch(() => null);
        if ('status' in expected) {
          expect(response.status).toBe(expected.status);
          expect(body).toMatchObject({ error: { code: expected.code } });
          // Error bodies say what was wrong, never how the server is built.
          expect(JSON.stringify(body)).not.toMatch(
            /at .+\.ts|SQLITE|sqlite|postgres|stack|syntax error|violates|invalid byte/i,
          );
        } else if ('rowsRefused' in expected) {
          expect(response.status).toBe(200);
          const { rejected, conflicts } = body as PushResponse;
          expect(conflicts).toEqual([]);
          expect(rejected.length).toBeGreaterThan(0);
          for (const row of rejected) expect(row.code).toBe(expected.rowsRefused);
        } else {
          expect(response.status).toBe(200);
          if (body && typeof body === 'object' && 'rejected' in body) {
            // A replay of a state the record has left is answered with the record's current state,
            // marked as superseding it (ADR 7); anything else replayed is simply done.
            const { conflicts, rejected, superseded = [] } = body as PushResponse;
            expect(rejected).toEqual([]);
            expect(conflicts.map((doc) => doc.id)).toEqual(superseded);
          }
        }
        // Nothing stored: no document, no new version (seq), no account, no file, no audit entry.
        const after = await storedState();
        // A failed sign-in is the one bad request the server keeps a record of: in the audit trail.
        if ('code' in expected && expected.code === 'invalid-credentials') {
          expect(after.auditEntries).toBe(before.auditEntries + 1);
          before.auditEntries = after.auditEntries;
        }
        expect(after).toEqual(before);

        // And the server is still up: a normal pull works.
        const normal = await send({ path: '/api/sync/v1/patients/pull' });
        expect(normal.status).toBe(200);
      },
    );

    // Last, after every case: `pnpm run audit:verify` still finds the trail as it was written,
    // so no request (a sign-in with a lone surrogate, say) left an entry hashed over other text
    // than its row holds, which would read as tampering for good and hide any tampering after it.
    it('leaves an audit trail that still verifies', async () => {
      expect(await verifyAuditTrail(server.store)).toMatchObject({ ok: true });
    });
  });
}
