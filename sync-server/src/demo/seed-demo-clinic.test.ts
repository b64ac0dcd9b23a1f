import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requiresSecondFactor } from '@clinicdesk/shared/auth/second-factor.ts';
import { validateWireDocument } from '@clinicdesk/shared/sync/collections.ts';
import { verifyPassword } from '../services/password-hash.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts';
import type { Store } from '../storage/store.ts';
import { createTempDir, TEST_START } from '../test-support.ts';
import { DEMO_ACCOUNTS, formatDemoBanner } from './demo-accounts.ts';
import { ageOn } from '@clinicdesk/shared/patients/date-of-birth.ts';
import { DEMO_AGE_REFERENCE, generateDemoPatients } from './demo-patients.ts';
import { openFsBlobStorage } from '../storage/blobs/fs-blob-storage.ts';
import { seedDemoClinic } from './seed-demo-clinic.ts';

const DEMO_PATIENT_COUNT = 300;

describe('demo patients', () => {
  const patients = generateDemoPatients(DEMO_PATIENT_COUNT, TEST_START);

  it('are valid patient documents with fictional phone numbers and reserved email domains', () => {
    expect(patients).toHaveLength(DEMO_PATIENT_COUNT);
    for (const doc of patients) {
      expect(validateWireDocument('patients', doc).ok).toBe(true);
      if (doc.phone !== undefined) expect(doc.phone).toMatch(/^\+1[2-9]\d{2}55501\d{2}$/);
      if (doc.email !== undefined) expect(doc.email).toMatch(/@example\.(com|net|org)$/);
      expect(
        String(doc.dateOfBirth) >= '1930-01-01' && String(doc.dateOfBirth) <= '2024-12-31',
      ).toBe(true);
      expect(String(doc.updatedAt) <= TEST_START.toISOString()).toBe(true);
    }
    expect(new Set(patients.map((doc) => doc.id)).size).toBe(DEMO_PATIENT_COUNT);
  });

  it('have what a front desk records: coverage fitting their age, consents and contacts', () => {
    const share = (test: (doc: (typeof patients)[number]) => boolean) =>
      patients.filter(test).length / patients.length;
    const coverage = (doc: (typeof patients)[number]) =>
      doc.coverage as { primary?: { payerType: string; relationship?: string } } | undefined;
    const age = (doc: (typeof patients)[number]) =>
      ageOn(String(doc.dateOfBirth), DEMO_AGE_REFERENCE);
    expect(share((doc) => !!coverage(doc)?.primary)).toBeGreaterThan(0.85);
    expect(share((doc) => !!doc.privacyNotice)).toBeGreaterThan(0.9);
    expect(share((doc) => !!doc.emergencyContacts)).toBeGreaterThan(0.6);
    // Everyone 66 or older is on Medicare; every child has a guarantor.
    for (const doc of patients) {
      if (age(doc) >= 65) expect(coverage(doc)?.primary?.payerType).toBe('medicare');
      if (age(doc) < 18) expect(doc.guarantor).toBeDefined();
    }
  });

  it('are the same people on every run', () => {
    const again = generateDemoPatients(DEMO_PATIENT_COUNT, TEST_START);
    expect(again).toEqual(patients);
    const names = (list: typeof patients) =>
      list.map((doc) => [doc.givenName, doc.familyName].join(' '));
    const later = generateDemoPatients(DEMO_PATIENT_COUNT, new Date('2027-01-01T00:00:00Z'));
    expect(names(later).sort()).toEqual(names(patients).sort());
  });
});

describe('seeding the demo clinic', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  let store: Store;
  beforeEach(async () => {
    dir = await createTempDir();
    store = openSqliteStore(join(dir.path, 'demo.sqlite'), { now: TEST_START });
  });
  afterEach(async () => {
    await store.close();
    await dir.remove();
  });

  // Five scrypt hashes and 300 full records: room for a loaded machine.
  it(
    'creates one account per role with its printed password, and the patients in the store',
    { timeout: 30_000 },
    async () => {
      const seeded = await seedDemoClinic(
        { store, clock: () => TEST_START, randomBytes: (n) => randomBytes(n) },
        DEMO_PATIENT_COUNT,
      );
      expect(seeded).toEqual({ accounts: 5, patients: DEMO_PATIENT_COUNT, documents: 0 });

      const admin = await store.findUserByUsername('admin');
      expect(admin?.role).toBe('admin');
      expect(await verifyPassword('demo-admin-2026', admin?.passwordHash ?? '')).toBe(true);
      expect(new Set(DEMO_ACCOUNTS.map((account) => account.role)).size).toBe(5);
      // Published passwords: marked as demo accounts, so no second factor (not even for the
      // demo office manager and administrator).
      for (const account of DEMO_ACCOUNTS) {
        const user = await store.findUserByUsername(account.username);
        expect(user?.demoAccount).toBe(true);
        expect(user && requiresSecondFactor(user)).toBe(false);
      }

      const page = await store.pull('patients', 0, 1000);
      expect(page.documents).toHaveLength(DEMO_PATIENT_COUNT);
      expect(page.lastSeq).toBe(DEMO_PATIENT_COUNT);

      const banner = formatDemoBanner('http://127.0.0.1:8080');
      for (const account of DEMO_ACCOUNTS) expect(banner).toContain(account.password);
      expect(banner).toContain('for the demo only');
    },
  );

  // Issue 12.12: the demo clinic's files — the starter tree and documents with their PDFs.
  it(
    'files documents of its patients across categories, their PDFs stored and their text known',
    { timeout: 60_000 },
    async () => {
      const blobDir = await createTempDir();
      const blobs = await openFsBlobStorage(blobDir.path);
      try {
        const seeded = await seedDemoClinic(
          { store, clock: () => TEST_START, randomBytes: (n) => randomBytes(n), blobs },
          40,
          60,
        );
        // The practice's own papers come on top of the patients' documents.
        expect(seeded.documents).toBe(64);
        const filing = (await store.pull('filing', 0, 5000)).documents;
        for (const doc of filing) expect(validateWireDocument('filing', doc).ok).toBe(true);
        const documents = filing.filter((doc) => doc.kind === 'filedDocument');
        const categories = new Map(
          filing.filter((doc) => doc.kind === 'category').map((c) => [c.id, c]),
        );
        // Restricted records among them, a few waiting unfiled in the inbox, papers that expire.
        expect(documents.some((doc) => categories.get(String(doc.categoryId))?.readRoles !== undefined)).toBe(true); // prettier-ignore
        expect(documents.filter((doc) => doc.filed === undefined)).toHaveLength(5);
        expect(documents.filter((doc) => doc.expiresOn !== undefined && doc.patientId === undefined)).toHaveLength(4); // prettier-ignore
        // Every document's file is stored, and its text is on the record for search.
        for (const doc of documents) {
          const [version] = Object.values(
            doc.versions as Record<string, { file: { sha256: string } }>,
          );
          expect(await blobs.has(version?.file.sha256 ?? '')).not.toBeNull();
          expect((doc.text as { pages: string[] }).pages.join(' ')).not.toBe('');
        }
        const lab = documents.find((doc) => String(doc.title).startsWith('Lab results'));
        const patient = (await store.pull('patients', 0, 100)).documents.find((p) => p.id === lab?.patientId); // prettier-ignore
        expect((lab?.text as { pages: string[] }).pages[0]).toContain(String(patient?.familyName));
      } finally {
        await blobs.close();
        await blobDir.remove();
      }
    },
  );
});
