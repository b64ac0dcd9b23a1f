import { formatDateOfBirth } from '../patients/date-of-birth.ts';
import { fail, ok } from '../result.ts';
import { type ConflictDescriber, isEmptyValue } from '../sync/conflict-describer.ts';
import { CANCEL_REASON_LABELS, VISIT_TYPE_LABELS } from './visit-labels.ts';
import type { Visit } from './visit.schema.ts';

const LABELS: Record<string, string> = {
  visitType: 'Visit type',
  appointmentTime: 'Appointment time',
  reason: 'Reason for the visit',
  room: 'Room',
  arrived: 'Arrival',
  roomed: 'Taken to a room',
  checkedOut: 'Check-out',
  cancelled: 'Visit ended without being seen',
  cancelReason: 'Why the visit ended',
  _deleted: 'Removed',
};

/** Text fields settled by typing, with the visit schema's limits. */
const TYPEABLE: Record<string, { max: number; what: string }> = {
  reason: { max: 200, what: 'reason for the visit' },
  room: { max: 40, what: 'room' },
};

/** Conflicts in a check-in (two tablets checked the same patient in, or moved the visit, apart). */
export const visitConflicts: ConflictDescriber<Visit> = {
  kind: 'Check-in',
  title: (visit, names) =>
    `${names(visit.patientId) ?? 'A patient'} · visit on ${formatDateOfBirth(visit.day)}`,
  href: () => '/check-in',
  fieldLabel: (path) => LABELS[path] ?? path,
  formatValue(path, value) {
    if (isEmptyValue(value)) return '(empty)';
    if (path === 'visitType' && typeof value === 'string' && value in VISIT_TYPE_LABELS)
      return VISIT_TYPE_LABELS[value as keyof typeof VISIT_TYPE_LABELS];
    if (path === 'cancelReason' && typeof value === 'string' && value in CANCEL_REASON_LABELS)
      return CANCEL_REASON_LABELS[value as keyof typeof CANCEL_REASON_LABELS];
    if (path === '_deleted') return value === true ? 'Removed' : 'Kept';
    if (typeof value === 'object' && value !== null && 'at' in value) {
      const at = (value as { at: unknown }).at;
      return typeof at === 'string' ? `Recorded ${at.slice(11, 16)}` : 'Recorded';
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  },
  parseTyped(path, text) {
    const rule = TYPEABLE[path];
    if (!rule) return null;
    const value = text.trim().replace(/\s+/g, ' ');
    if (!value) return ok(undefined);
    if (value.length > rule.max) return fail(`Keep the ${rule.what} under ${rule.max} characters`);
    return ok(value);
  },
};
