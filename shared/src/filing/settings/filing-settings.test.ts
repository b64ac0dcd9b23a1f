import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../registry/kind-schemas.ts';
import {
  DEFAULT_FILING_SETTINGS,
  FILING_SETTINGS_ID,
  parseFilingSettings,
  practiceFilingSettings,
} from './filing-settings.ts';

const typed = (fields: Partial<Record<keyof typeof DEFAULT_FILING_SETTINGS, string>>) => ({
  offlineBudgetMb: '500',
  recentDocumentDays: '365',
  trashDays: '30',
  ...fields,
});

describe('the practice filing settings', () => {
  it('are the defaults until the practice sets its own: 500 MB, a year, 30 days in the trash', () => {
    expect(practiceFilingSettings(undefined)).toEqual({
      offlineBudgetMb: 500,
      recentDocumentDays: 365,
      trashDays: 30,
    });
    expect(practiceFilingSettings({ trashDays: 7, _deleted: true }).trashDays).toBe(30);
  });

  it('take each valid value the practice set, and the default for one out of range', () => {
    expect(
      practiceFilingSettings({ offlineBudgetMb: 2000, recentDocumentDays: 90, trashDays: 7 }),
    ).toEqual({ offlineBudgetMb: 2000, recentDocumentDays: 90, trashDays: 7 });
    expect(practiceFilingSettings({ offlineBudgetMb: 10, trashDays: 1000 })).toEqual(
      DEFAULT_FILING_SETTINGS,
    );
  });

  it('read the form as typed, thousands commas included', () => {
    expect(parseFilingSettings(typed({ offlineBudgetMb: ' 1,000 ', trashDays: '14' }))).toEqual({
      ok: true,
      value: { offlineBudgetMb: 1000, recentDocumentDays: 365, trashDays: 14 },
    });
  });

  it.each([
    ['offlineBudgetMb', '', /whole megabytes, from 50 to 20,000/],
    ['offlineBudgetMb', '1.5', /whole megabytes/],
    ['offlineBudgetMb', '40', /from 50/],
    ['offlineBudgetMb', '25000', /to 20,000/],
    ['offlineBudgetMb', '500 MB', /whole megabytes/],
    ['recentDocumentDays', '0', /from 1 to 3,650/],
    ['trashDays', '366', /stay in the trash, a whole number from 1 to 365/],
    ['trashDays', '-3', /from 1 to 365/],
  ] as const)('refuse %s typed as %j, naming the field and the limits', (field, text, message) => {
    const parsed = parseFilingSettings(typed({ [field]: text }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ code: 'filing-settings-invalid', field });
    expect(parsed.error.message).toMatch(message);
  });

  it('are one record at a fixed id, which the schema the server checks pushes with insists on', () => {
    const record = {
      id: FILING_SETTINGS_ID,
      kind: 'filingSettings',
      offlineBudgetMb: 500,
      recentDocumentDays: 365,
      trashDays: 30,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    };
    expect(KIND_SCHEMAS.filingSettings.safeParse(record).success).toBe(true);
    const other = KIND_SCHEMAS.filingSettings.safeParse({
      ...record,
      id: '0195a0c4-0000-7000-8000-000000000001',
    });
    expect(other.error?.issues[0]?.message).toBe('The practice has one record of filing settings');
    expect(KIND_SCHEMAS.filingSettings.safeParse({ ...record, trashDays: 0 }).success).toBe(false);
  });
});
