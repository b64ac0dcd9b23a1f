import 'fake-indexeddb/auto';
import { FILING_SETTINGS_ID } from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import { FILING_RX_SCHEMA } from '@clinicdesk/shared/registry/rx-schemas/filing.ts';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { openClinicDatabase } from './database.ts';

const editor = { userId: 'u1', name: 'Ana', deviceId: '019abc00-0000-7000-8000-00000000000a' };
const SETTINGS_FIELDS = ['offlineBudgetMb', 'recentDocumentDays', 'trashDays'];

/** The filing partition as devices held it before the practice's filing settings (version 0). */
function filingVersionZero(): RxJsonSchema<Record<string, unknown>> {
  const kind = FILING_RX_SCHEMA.properties.kind as { enum: string[] };
  const kinds = kind.enum.filter((name) => name !== 'filingSettings');
  return {
    ...FILING_RX_SCHEMA,
    version: 0,
    properties: {
      ...Object.fromEntries(
        Object.entries(FILING_RX_SCHEMA.properties).filter(([f]) => !SETTINGS_FIELDS.includes(f)),
      ),
      kind: { ...kind, enum: kinds, maxLength: Math.max(...kinds.map((k) => k.length)) },
    },
  } as RxJsonSchema<Record<string, unknown>>;
}

const AT = '2026-03-01T10:00:00.000Z';
const document = {
  id: '019d6000-0000-7000-8000-000000000001',
  kind: 'filedDocument',
  title: 'Synthetic referral',
  source: 'upload',
  versions: {},
  captured: { at: AT, by: editor },
  createdAt: AT,
  updatedAt: AT,
};

describe('a device that held filing before the practice’s settings', () => {
  it('upgrades its filing partition in place, documents kept, and then holds the settings', async () => {
    const name = 'filingupgradetest';
    const before = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false }); // prettier-ignore
    const { filing } = await before.addCollections({ filing: { schema: filingVersionZero() } });
    // The very schema devices in the field hold (its hash pinned when it shipped).
    expect(await filing.schema.hash).toBe('873e64f09fe692134be3075b2229cf4ecc9f051f3ed110118a1d93e7fa9cb02f'); // prettier-ignore
    await filing.insert(document);
    await before.close();

    const db = await openClinicDatabase('u1', editor, { name, multiInstance: false });
    expect(db.filing.schema.version).toBe(1);
    expect((await db.filing.findOne(document.id).exec())?.toJSON()).toMatchObject({ title: 'Synthetic referral' }); // prettier-ignore
    await db.filing.insert({ id: FILING_SETTINGS_ID, kind: 'filingSettings', offlineBudgetMb: 500, recentDocumentDays: 365, trashDays: 14, createdAt: AT, updatedAt: AT } as never); // prettier-ignore
    expect((await db.filing.findOne(FILING_SETTINGS_ID).exec())?.toJSON()).toMatchObject({ trashDays: 14 }); // prettier-ignore
    await db.remove();
  });
});
