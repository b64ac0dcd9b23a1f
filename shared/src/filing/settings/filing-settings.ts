import { fail, ok, type Result } from '../../result.ts';
import { DEFAULT_TRASH_DAYS, MAX_TRASH_DAYS, validateTrashPeriod } from '../trash/trash-expiry.ts';

/**
 * The one record of the practice's filing settings has this id on every device (a UUID of the
 * version 7 form at time zero: no device ever makes it by chance).
 */
export const FILING_SETTINGS_ID = '00000000-0000-7000-8000-000000000f11';

/** A tablet's worth of a day's documents and more; an iPad of 64 GB keeps this easily. */
export const DEFAULT_OFFLINE_BUDGET_MB = 500;
/** Less than this keeps too little to be worth promising anything offline. */
export const MIN_OFFLINE_BUDGET_MB = 50;
/** 20 GB: more than browsers let a web app keep on most tablets. */
export const MAX_OFFLINE_BUDGET_MB = 20_000;
/** A year of a patient's papers: last year's labs, referrals and outside records. */
export const DEFAULT_RECENT_DOCUMENT_DAYS = 365;
/** Ten years: longer is every document, which the budget could not hold anyway. */
export const MAX_RECENT_DOCUMENT_DAYS = 3650;

/** The settings as the rules use them: the practice's, or the defaults where it set none. */
export type PracticeFilingSettings = {
  offlineBudgetMb: number;
  recentDocumentDays: number;
  trashDays: number;
};

export const DEFAULT_FILING_SETTINGS: PracticeFilingSettings = {
  offlineBudgetMb: DEFAULT_OFFLINE_BUDGET_MB,
  recentDocumentDays: DEFAULT_RECENT_DOCUMENT_DAYS,
  trashDays: DEFAULT_TRASH_DAYS,
};

type SettingsLike = Partial<Record<keyof PracticeFilingSettings, unknown>> & {
  _deleted?: unknown;
};

/**
 * The practice's settings from its record (absent, removed, or holding a value out of range
 * from an older release): each field the practice's where it is valid, else the default. The
 * server's trash job and every device read them through this, so both judge alike.
 */
export function practiceFilingSettings(
  record: SettingsLike | null | undefined,
): PracticeFilingSettings {
  if (!record || record._deleted === true) return { ...DEFAULT_FILING_SETTINGS };
  const pick = (field: keyof PracticeFilingSettings, valid: (n: number) => boolean) => {
    const value = record[field];
    return typeof value === 'number' && valid(value) ? value : DEFAULT_FILING_SETTINGS[field];
  };
  return {
    offlineBudgetMb: pick('offlineBudgetMb', (n) => validBudget(n)),
    recentDocumentDays: pick('recentDocumentDays', (n) => validRecentDays(n)),
    trashDays: pick('trashDays', (n) => validateTrashPeriod(n).ok),
  };
}

const validBudget = (n: number) =>
  Number.isInteger(n) && n >= MIN_OFFLINE_BUDGET_MB && n <= MAX_OFFLINE_BUDGET_MB;
const validRecentDays = (n: number) =>
  Number.isInteger(n) && n >= 1 && n <= MAX_RECENT_DOCUMENT_DAYS;

export type FilingSettingsField = keyof PracticeFilingSettings;
export type FilingSettingsError = {
  code: 'filing-settings-invalid';
  field: FilingSettingsField;
  message: string;
};

/** What the office manager typed in the settings form, as typed. */
export type FilingSettingsInput = Record<FilingSettingsField, string>;

/**
 * The settings form's values checked as typed ("1.5", "", "40 MB" refused with the reason), so
 * nothing is stored until every one is right. The first wrong field's error, in form order.
 */
export function parseFilingSettings(
  input: FilingSettingsInput,
): Result<PracticeFilingSettings, FilingSettingsError> {
  const budget = wholeNumber(input.offlineBudgetMb);
  if (budget === null || !validBudget(budget))
    return fail({
      code: 'filing-settings-invalid',
      field: 'offlineBudgetMb',
      message: `Enter the storage for each device in whole megabytes, from ${MIN_OFFLINE_BUDGET_MB} to ${MAX_OFFLINE_BUDGET_MB.toLocaleString('en-US')}`,
    });
  const recent = wholeNumber(input.recentDocumentDays);
  if (recent === null || !validRecentDays(recent))
    return fail({
      code: 'filing-settings-invalid',
      field: 'recentDocumentDays',
      message: `Enter how many days of documents count as recent, a whole number from 1 to ${MAX_RECENT_DOCUMENT_DAYS.toLocaleString('en-US')}`,
    });
  const trash = wholeNumber(input.trashDays);
  if (trash === null || !validateTrashPeriod(trash).ok)
    return fail({
      code: 'filing-settings-invalid',
      field: 'trashDays',
      message: `Enter how many days documents stay in the trash, a whole number from 1 to ${MAX_TRASH_DAYS}`,
    });
  return ok({ offlineBudgetMb: budget, recentDocumentDays: recent, trashDays: trash });
}

/** Digits only (with spaces or thousands commas around them): "1,000" is 1000; "1.5" is not. */
function wholeNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[\s,]/g, '');
  if (!/^\d{1,6}$/.test(cleaned)) return null;
  return Number(cleaned);
}
