import {
  FILING_SETTINGS_ID,
  type FilingSettingsError,
  type FilingSettingsInput,
  parseFilingSettings,
} from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import type { FilingSettings } from '@clinicdesk/shared/filing/settings/filing-settings.schema.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { nowIso } from '../../clock.ts';
import { readDocument } from '../../db/documents.svelte.ts';
import {
  changeRecord,
  createRecords,
  type SetupError,
  type SetupWorkspace,
} from '../setup/setup-records.ts';

/**
 * Saves the practice's filing settings on this device (they sync from here): every value checked
 * as typed first, so a wrong one stores nothing. The first save makes the practice's one record
 * (at its fixed id); later ones change only the fields that differ, so another office manager's
 * change of another field, made meanwhile, is kept.
 */
export async function saveFilingSettings(
  workspace: SetupWorkspace,
  input: FilingSettingsInput,
): Promise<Result<FilingSettings, FilingSettingsError | SetupError>> {
  const parsed = parseFilingSettings(input);
  if (!parsed.ok) return parsed;
  const values = parsed.value;
  const stored = await readDocument(workspace, 'filingSettings', FILING_SETTINGS_ID);
  if (stored) return changeRecord(workspace, 'filingSettings', FILING_SETTINGS_ID, (current) => ok({ ...current, ...values })); // prettier-ignore
  const at = nowIso();
  const made = await createRecords(workspace, 'filingSettings', [
    { id: FILING_SETTINGS_ID, kind: 'filingSettings', ...values, createdAt: at, updatedAt: at },
  ]);
  if (!made.ok) return made;
  const record = made.value[0];
  return record ? ok(record) : fail({ code: 'invalid', message: 'Not saved' });
}
