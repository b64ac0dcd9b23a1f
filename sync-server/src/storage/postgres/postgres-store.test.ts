import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patient, TEST_START } from '../../test-support.ts';
import { canonicalDocument } from '../document-hash.ts';
import { verifyAuditTrail } from '../../services/audit-verify.ts';
import { describeAuditContract, view } from '../audit.contract.ts';
import { describeStoreContract } from '../store.contract.ts';
import { loadPostgresMigrations } from './postgres-migrations.ts';
import { openPostgresStore } from './postgres-store.ts';
import { createTestSchema, describePostgres, type TestSchema } from './postgres-test-database.ts';

const WRITER = { userId: 'user-1', deviceId: '0195a0c4-3333-7000-8000-000000000003' };

describePostgres('the PostgreSQL store', () => {
  describeStoreContract('PostgreSQL', async () => {
    const schema = await createTestSchema();
    const store = await openPostgresStore(schema.url, { now: TEST_START, maxConnections: 2 });
    return { store, cleanup: schema.drop };
  });

  describeAuditContract('PostgreSQL', async () => {
    const schema = await createTestSchema();
    const store = await openPostgresStore(schema.url, { now: TEST_START, maxConnections: 4 });
    return {
      store,
      sql: async (statement, values = []) => {
        let n = 0;
        await schema.query(
          statement.replace(/\?/g, () => `$${++n}`),
          values,
        );
      },
      dropGuards: 'DROP TRIGGER audit_events_no_change ON audit_events',
      cleanup: schema.drop,
    };
  });

  describe('its database', () => {
    let schema: TestSchema;
    beforeEach(async () => {
      schema = await createTestSchema();
    });
    afterEach(() => schema.drop());

    it('is migrated exactly once when several instances start together', async () => {
      const stores = await Promise.all(
        [1, 2, 3, 4].map(() => openPostgresStore(schema.url, { now: TEST_START })),
      );
      await Promise.all(stores.map((store) => store.close()));
      const applied = await schema.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(applied.map((row) => row.version)).toEqual(
        loadPostgresMigrations().map((migration) => migration.version),
      );
      expect(await schema.query('SELECT value FROM seq_counter')).toEqual([{ value: '0' }]);
    });

    it('refuses a database written by a newer ClinicDesk', async () => {
      await (await openPostgresStore(schema.url, { now: TEST_START })).close();
      await schema.query('INSERT INTO schema_migrations VALUES (999, $1, $2)', [
        'future',
        TEST_START,
      ]);
      await expect(openPostgresStore(schema.url, { now: TEST_START })).rejects.toThrow(
        /newer version/,
      );
    });

    it('lets only one of several instances create the same new document', async () => {
      const stores = await Promise.all(
        [1, 2, 3, 4, 5, 6].map(() => openPostgresStore(schema.url, { now: TEST_START })),
      );
      try {
        // Six front desks register the same patient id at once, each with its own spelling.
        const outcomes = await Promise.all(
          stores.map((store, n) =>
            store.push(
              'patients',
              [{ next: patient(1, { givenName: `Ada${'a'.repeat(n)}` }) }],
              WRITER,
              TEST_START,
            ),
          ),
        );
        const winners = outcomes.filter((outcome) => outcome.written.length === 1);
        expect(winners).toHaveLength(1);
        const stored = (await stores[0]?.pull('patients', 0, 10))?.documents;
        expect(stored).toHaveLength(1);
        // Everyone else is told what is stored, to merge with their version.
        for (const outcome of outcomes.filter((o) => o.written.length === 0))
          expect(outcome.conflicts).toEqual(stored);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('never gives the same chart number to devices served by different instances', async () => {
      const stores = await Promise.all(
        [1, 2, 3, 4].map(() => openPostgresStore(schema.url, { now: TEST_START })),
      );
      try {
        const blocks = await Promise.all(
          Array.from({ length: 20 }, (_, n) =>
            stores[n % stores.length]!.charts.reserveChartSerials({
              requestId: `request-${n}`,
              deviceId: WRITER.deviceId,
              userId: WRITER.userId,
              count: 25,
              at: TEST_START,
            }),
          ),
        );
        const serials = blocks.flatMap(({ first, last }) =>
          Array.from({ length: last - first + 1 }, (_, i) => first + i),
        );
        expect(new Set(serials).size).toBe(20 * 25);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('keeps one audit chain when several instances append and push at once', async () => {
      const stores = await Promise.all(
        [1, 2, 3].map(() => openPostgresStore(schema.url, { now: TEST_START, maxConnections: 3 })),
      );
      try {
        await Promise.all(
          stores.flatMap((store, s) => [
            ...[0, 1, 2, 3].map((n) => store.appendAuditEvents([view(10 * s + n)])),
            store.push('patients', [{ next: patient(100 + s) }], WRITER, TEST_START),
          ]),
        );
        const chain = await stores[1]!.readAuditChain(0, 100);
        expect(chain.map((entry) => entry.position)).toEqual(
          Array.from({ length: 15 }, (_, n) => n + 1),
        );
        expect(await verifyAuditTrail(stores[2]!)).toMatchObject({ ok: true, count: 15 });
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('keeps the pushed text and its hash byte for byte, whatever the alphabet', async () => {
      const store = await openPostgresStore(schema.url, { now: TEST_START });
      try {
        const doc = patient(1, { givenName: 'Zoë', familyName: 'Nguyễn-Ørsted 李 ✓' });
        await store.push('patients', [{ next: doc }], WRITER, TEST_START);
        const stored = await schema.query('SELECT data, data_hash FROM documents');
        const { data, hash } = canonicalDocument(doc);
        expect(stored).toEqual([{ data, data_hash: hash }]);
        // The device's copy and the server's are the same state: a retry is recognised as done.
        expect(await store.push('patients', [{ next: doc }], WRITER, TEST_START)).toMatchObject({
          conflicts: [],
          written: [],
          rejected: [],
          alreadyStored: [{ id: doc.id }],
        });
      } finally {
        await store.close();
      }
    });
  });
});
