import { formatDateOfBirth } from '@clinicdesk/shared/patients/date-of-birth.ts';
import { today } from './clock.ts';

/**
 * The device-local calendar day of an ISO timestamp (a registration, say), written MM/DD/YYYY
 * like every date on screen — with the shared formatter the dates of birth use, never the
 * browser's locale (which writes 12/2/2026 in the US and 2.12.2026 elsewhere).
 */
export function formatDay(timestamp: string): string {
  return formatDateOfBirth(today(new Date(timestamp)));
}
