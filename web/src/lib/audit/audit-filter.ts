import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';

/** The audit report's filters as the form holds them (dates as `YYYY-MM-DD`, device-local). */
export type AuditFilterForm = {
  username: string;
  patientId: string | null;
  from: string;
  to: string;
};

export type AuditFilterErrors = { from?: string; to?: string };

/** The report API's filter, as its query names it (`GET /api/audit/v1/events`). */
export type AuditFilterQuery = { username?: string; record?: string; from?: string; to?: string };

/**
 * The query of the report API for a filter form, or the fields to fix. A day runs from this
 * device's midnight to the next, sent as UTC instants.
 */
export function auditFilterQuery(
  form: AuditFilterForm,
): { ok: true; query: AuditFilterQuery } | { ok: false; errors: AuditFilterErrors } {
  const errors: AuditFilterErrors = {};
  const from = form.from ? startOfLocalDay(form.from) : null;
  const to = form.to ? endOfLocalDay(form.to) : null;
  if (form.from && !from) errors.from = 'Enter a real date';
  if (form.to && !to) errors.to = 'Enter a real date';
  if (from && to && from > to) errors.to = 'The end date must be on or after the start date';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const query: AuditFilterQuery = {};
  if (form.username.trim()) query.username = form.username.trim();
  if (form.patientId) query.record = form.patientId;
  if (from) query.from = from.toISOString();
  if (to) query.to = to.toISOString();
  return { ok: true, query };
}

/** The query of one page of the report. */
export function auditPageQuery(filter: AuditFilterQuery, page: number, pageSize: number) {
  return { ...filter, page: String(page), pageSize: String(pageSize) };
}

export function patientsById(patients: readonly Patient[]): ReadonlyMap<string, Patient> {
  return new Map(patients.map((patient) => [patient.id, patient]));
}

/** `YYYY-MM-DD` as the start of that day on this device's clock, or null when not a date. */
function startOfLocalDay(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const local = new Date(year, month, day);
  return local.getMonth() === month && local.getDate() === day ? local : null;
}

function endOfLocalDay(date: string): Date | null {
  const start = startOfLocalDay(date);
  if (!start) return null;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return new Date(next.getTime() - 1);
}
