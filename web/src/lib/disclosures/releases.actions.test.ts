import 'fake-indexeddb/auto';
import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import { accountingEntriesOf } from '@clinicdesk/shared/disclosures/accounting-of-disclosures.ts';
import { accountingFor } from '@clinicdesk/shared/disclosures/accounting-for.ts';
import { emptyRequestForm, type RequestForm } from '@clinicdesk/shared/disclosures/request-form.ts';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { today } from '../clock.ts';
import { type ClinicDatabase, openClinicDatabase } from '../db/database.ts';
import { observeFind, readDocument } from '../db/documents.svelte.ts';
import type { ReleaseWorkspace } from './release-records.ts';
import { deny, recordDelivery, saveLetterhead, takeRequest, type ReleaseDetails } from './releases.actions.ts'; // prettier-ignore

const DEVICE = '019abc00-0000-7000-8000-00000000000c';
const PATIENT = '019abc00-0000-7000-8000-000000000301';
const DOCUMENT = '019abc00-0000-7000-8000-000000000302';
const VERSION = '019abc00-0000-7000-8000-000000000303';
let opened: ClinicDatabase[] = [];
let databases = 0;

/** A device's database (fake IndexedDB) signed in with this role. */
async function deviceOf(role: Role): Promise<ReleaseWorkspace> {
  const user = { id: `u-${role}`, username: role, displayName: `Synthetic ${role}`, role };
  const db = await openClinicDatabase(
    user.id,
    { userId: user.id, name: user.displayName, deviceId: DEVICE },
    { name: `releaseactions${++databases}`, multiInstance: false },
  );
  opened.push(db);
  return { user, deviceId: DEVICE, db };
}

afterEach(async () => {
  await Promise.all(opened.map((db) => db.remove()));
  opened = [];
});

const form = (overrides: Partial<RequestForm>): RequestForm => ({
  ...emptyRequestForm(today()),
  requesterName: 'Dana Whitfield',
  requesterOrganisation: 'Whitfield & Roe LLP',
  requesterAddress: '12 Court Street\nSpringfield, IL 62701',
  recordsRequested: 'All records since 2024',
  purpose: 'court-order-or-subpoena',
  legalBasis: 'Subpoena duces tecum, Case 2026-CV-0192',
  ...overrides,
});

const details: ReleaseDetails = {
  documents: [{ documentId: DOCUMENT, versionId: VERSION, sha256: 'c'.repeat(64), pageCount: 2 }],
  releasePackage: { sha256: 'd'.repeat(64), pageCount: 3 },
  description: 'Office notes, 2024–2026',
  disclosedOn: today(),
  delivery: { method: 'mail', detail: 'Certified mail' },
};

const stored = (device: ReleaseWorkspace) =>
  firstValueFrom(observeFind(device, 'disclosures', { selector: {} }));

describe('release of information on a device', () => {
  it('stores nothing from a form with a mistake, and a request from a right one', async () => {
    const desk = await deviceOf('front-desk');
    const wrong = await takeRequest(desk, PATIENT, form({ requesterAddress: ' ', legalBasis: '' }));
    expect(wrong).toMatchObject({ ok: false, error: { requesterAddress: expect.any(String), legalBasis: expect.any(String) } }); // prettier-ignore
    expect(await stored(desk)).toEqual([]);
    const taken = await takeRequest(desk, PATIENT, form({}));
    if (!taken.ok) throw new Error(JSON.stringify(taken.error));
    expect(await readDocument(desk, 'releaseRequest', taken.value.id)).toMatchObject({
      status: 'received',
      recorded: { by: { userId: 'u-front-desk', deviceId: DEVICE } },
    });
  });

  it('leaves a subpoena release to the office manager, whose release the accounting lists', async () => {
    for (const role of ['front-desk', 'office-manager'] as const) {
      const device = await deviceOf(role);
      const taken = await takeRequest(device, PATIENT, form({}));
      if (!taken.ok) throw new Error('fixture');
      const released = await recordDelivery(device, taken.value.id, details);
      if (role === 'front-desk') {
        expect(released).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
        expect(await readDocument(device, 'releaseRequest', taken.value.id)).toMatchObject({ status: 'received' }); // prettier-ignore
        continue;
      }
      if (!released.ok) throw new Error(released.error.message);
      expect(released.value).toMatchObject({ accountable: true, delivery: { method: 'mail' } });
      expect(await readDocument(device, 'releaseRequest', taken.value.id)).toMatchObject({ status: 'released', answeredOn: today() }); // prettier-ignore
      const disclosures = await firstValueFrom(observeFind(device, 'disclosure', { selector: {} }));
      const accounting = accountingFor(accountingEntriesOf(disclosures), PATIENT, today());
      expect(accounting.entries.map((e) => e.recipientName)).toEqual(['Dana Whitfield, Whitfield & Roe LLP']); // prettier-ignore
      // Released once: a second recording is refused and stores nothing.
      expect(await recordDelivery(device, taken.value.id, details)).toMatchObject({ ok: false, error: { code: 'already-answered' } }); // prettier-ignore
      expect(
        await firstValueFrom(observeFind(device, 'disclosure', { selector: {} })),
      ).toHaveLength(1);
    }
  });

  it('records the desk’s release to the patient, which the accounting does not list', async () => {
    const desk = await deviceOf('front-desk');
    const taken = await takeRequest(desk, PATIENT, form({ purpose: 'to-the-patient', legalBasis: '', requesterOrganisation: '' })); // prettier-ignore
    if (!taken.ok) throw new Error('fixture');
    const released = await recordDelivery(desk, taken.value.id, { ...details, delivery: { method: 'in-person' } }); // prettier-ignore
    expect(released).toMatchObject({ ok: true, value: { accountable: false } });
    const disclosures = await firstValueFrom(observeFind(desk, 'disclosure', { selector: {} }));
    expect(accountingEntriesOf(disclosures)).toEqual([]);
  });

  it('lets only the office manager deny, with a reason, and set the letterhead', async () => {
    const desk = await deviceOf('front-desk');
    const taken = await takeRequest(desk, PATIENT, form({}));
    if (!taken.ok) throw new Error('fixture');
    expect(await deny(desk, taken.value.id, 'Not our patient')).toMatchObject({ ok: false, error: { code: 'not-allowed' } }); // prettier-ignore
    const letterhead = { practiceName: 'Maple Street Family Practice', practiceAddress: '400 Maple Street\nSpringfield, IL 62704', practicePhone: '(217) 555-0142' }; // prettier-ignore
    expect(await saveLetterhead(desk, letterhead)).toMatchObject({ ok: false, error: { code: 'not-allowed' } }); // prettier-ignore
    const manager = await deviceOf('office-manager');
    expect(await saveLetterhead(manager, letterhead)).toMatchObject({ ok: true });
    expect(await saveLetterhead(manager, { ...letterhead, practicePhone: '(217) 555-0199' })).toMatchObject({ ok: true, value: { practicePhone: '(217) 555-0199' } }); // prettier-ignore
  });
});
