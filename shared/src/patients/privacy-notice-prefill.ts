import { isoToForm } from './coverage-form.ts';
import type { PatientForm } from './form-reader.ts';

/**
 * What the form fills in once an answer about the Notice of Privacy Practices is chosen: the
 * notice offered is the practice's current one, today. Either answer needs both (see
 * `readConsents`); a field the receptionist already filled is never overwritten.
 */
export function privacyNoticePrefill(
  form: PatientForm,
  practice: { today: string; noticeVersion: string | undefined },
): PatientForm {
  if (form['npp.status'] !== 'acknowledged' && form['npp.status'] !== 'not-obtained') return {};
  const fill: PatientForm = {};
  if (!form['npp.version']?.trim() && practice.noticeVersion)
    fill['npp.version'] = practice.noticeVersion;
  if (!form['npp.date']?.trim()) fill['npp.date'] = isoToForm(practice.today);
  return fill;
}

/** Whether the notice's version and date must be filled in: once an answer is chosen. */
export function privacyNoticeDetailsRequired(form: PatientForm): boolean {
  return (form['npp.status'] ?? '') !== '';
}
