import { fail, ok, type Result } from '../result.ts';
import { lineText } from '../text/line-text.ts';
import type { Editor } from '../sync/conflict.schema.ts';
import { type StepStamp, type Visit, VISIT_ID_PATTERN, type VisitType } from './visit.schema.ts';

/** Where a visit stands, read from its step stamps (the latest step wins). */
export type VisitState = 'arrived' | 'in-room' | 'checked-out' | 'cancelled';

export const VISIT_STATE_LABELS: Record<VisitState, string> = {
  arrived: 'Waiting',
  'in-room': 'In room',
  'checked-out': 'Checked out',
  cancelled: 'Left',
};

export function visitState(visit: Visit): VisitState {
  if (visit.cancelled) return 'cancelled';
  if (visit.checkedOut) return 'checked-out';
  if (visit.roomed) return 'in-room';
  return 'arrived';
}

/** Still at the clinic (on the board's active columns). */
export function isActiveVisit(visit: Visit): boolean {
  const state = visitState(visit);
  return state === 'arrived' || state === 'in-room';
}

/** The id of a patient's visit: the n-th that day (see `VISIT_ID_PATTERN`). */
export function visitId(patientId: string, day: string, earlierVisitsToday: number): string {
  return `v-${day}-${earlierVisitsToday}-${patientId}`;
}

/** The patient a visit id belongs to (its last part), or null when it is not a visit id. */
export function patientOfVisitId(id: string): string | null {
  return VISIT_ID_PATTERN.test(id) ? id.slice(-36) : null;
}

export type ArrivalDetails = {
  patientId: string;
  visitType: VisitType;
  appointmentTime?: string | undefined;
  reason?: string | undefined;
};

/** A new visit: the patient has arrived now. */
export function arriveVisit(
  details: ArrivalDetails,
  day: string,
  earlierVisitsToday: number,
  editor: Editor,
  now: Date,
): Visit {
  const at = now.toISOString();
  const visit: Visit = {
    id: visitId(details.patientId, day, earlierVisitsToday),
    patientId: details.patientId,
    day,
    kind: 'visit',
    visitType: details.visitType,
    arrived: { at, by: editor },
    createdAt: at,
    updatedAt: at,
  };
  if (details.visitType === 'appointment' && details.appointmentTime)
    visit.appointmentTime = details.appointmentTime;
  // One spelling of accented text, however the keyboard composed it (the server refuses others).
  if (details.reason?.trim()) visit.reason = details.reason.trim().normalize('NFC');
  return visit;
}

export type VisitMove =
  | { to: 'in-room'; room?: string | undefined }
  | { to: 'checked-out' }
  | { to: 'back-to-waiting' }
  | { to: 'cancelled'; reason: NonNullable<Visit['cancelReason']> };

/** The visit schema's room field (`shortText(40, 'room')`). */
const ROOM = lineText('room', 40);

export type MoveError = { code: 'visit-closed' | 'not-in-room' | 'invalid-room'; message: string };

/**
 * The visit after a step taken at the desk. Each step only adds (or, for "back to waiting",
 * removes) its own stamp, so the same visit moved on another tablet meanwhile merges cleanly.
 */
export function moveVisit(
  visit: Visit,
  move: VisitMove,
  editor: Editor,
  now: Date,
): Result<Visit, MoveError> {
  const state = visitState(visit);
  if (state === 'checked-out' || state === 'cancelled')
    return fail({ code: 'visit-closed', message: 'This visit is already closed.' });
  const stamp: StepStamp = { at: now.toISOString(), by: editor };
  const next: Visit = { ...visit, updatedAt: stamp.at };
  switch (move.to) {
    case 'in-room': {
      next.roomed = stamp;
      const room = move.room?.trim().normalize('NFC');
      // Checked here, where the desk types it, by the schema's own rule for the field, not
      // first by the server a sync later.
      const checked = room ? ROOM.safeParse(room) : null;
      if (checked?.error)
        return fail({
          code: 'invalid-room',
          message: checked.error.issues[0]?.message ?? 'Check the room',
        });
      if (room) next.room = room;
      break;
    }
    case 'checked-out':
      next.checkedOut = stamp;
      break;
    case 'back-to-waiting':
      if (state !== 'in-room')
        return fail({ code: 'not-in-room', message: 'This patient is not in a room.' });
      delete next.roomed;
      delete next.room;
      break;
    case 'cancelled':
      next.cancelled = stamp;
      next.cancelReason = move.reason;
      break;
  }
  return ok(next);
}

/** Whole minutes between an ISO instant and now (never negative: device clocks differ). */
export function minutesSince(iso: string, now: Date | number): number {
  return Math.max(0, Math.floor((Number(now) - Date.parse(iso)) / 60_000));
}

/** How long the patient has been in the current step, or the whole visit once it is closed. */
export function visitMinutes(visit: Visit, now: Date | number): number {
  const end = visit.checkedOut ?? visit.cancelled;
  if (end) return minutesSince(visit.arrived.at, Date.parse(end.at));
  return minutesSince((visit.roomed ?? visit.arrived).at, now);
}
