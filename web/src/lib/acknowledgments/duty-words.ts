import type { Duty } from '@clinicdesk/shared/acknowledgments/acknowledgment-duties.ts';
import { formatDateOfBirth } from '@clinicdesk/shared/patients/date-of-birth.ts';

/** A calendar day as every date on screen is written (MM/DD/YYYY). */
export function dayText(day: string): string {
  return formatDateOfBirth(day);
}

/** "Overdue since 11/30/2026", "Due 12/16/2026", "Done 12/02/2026". */
export function dutyWords(duty: Pick<Duty, 'status' | 'dueOn' | 'acknowledgedAt'>): string {
  if (duty.status === 'done')
    return duty.acknowledgedAt ? `Acknowledged ${dayText(duty.acknowledgedAt.slice(0, 10))}` : 'Acknowledged'; // prettier-ignore
  return duty.status === 'overdue' ? `Overdue, was due ${dayText(duty.dueOn)}` : `Due ${dayText(duty.dueOn)}`; // prettier-ignore
}
