import { describe, expect, it } from 'vitest';
import type { Editor } from '../sync/conflict.schema.ts';
import { visitSchema } from './visit.schema.ts';
import {
  arriveVisit,
  moveVisit,
  patientOfVisitId,
  visitId,
  visitMinutes,
  visitState,
} from './visit-steps.ts';

const desk: Editor = {
  userId: 'u-desk',
  name: 'Casey Desk',
  deviceId: '019abc00-0000-7000-8000-0000000000d1',
};
const patientId = '019abc00-0000-7000-8000-000000000001';
const at = (time: string) => new Date(`2026-11-26T${time}:00.000Z`);

describe('a visit from arrival to check-out', () => {
  const arrived = arriveVisit(
    { patientId, visitType: 'appointment', appointmentTime: '09:30', reason: '  Flu shot ' },
    '2026-11-26',
    0,
    desk,
    at('09:12'),
  );

  it('starts as arrived, with a valid id for that patient and day', () => {
    expect(visitSchema.parse(arrived)).toEqual(arrived);
    expect(arrived.id).toBe(`v-2026-11-26-0-${patientId}`);
    expect(arrived).toMatchObject({ reason: 'Flu shot', appointmentTime: '09:30' });
    expect(visitState(arrived)).toBe('arrived');
    expect(visitMinutes(arrived, at('09:40'))).toBe(28);
  });

  it('moves to a room, back to waiting, and out, stamping who and when', () => {
    const roomed = moveVisit(arrived, { to: 'in-room', room: 'Exam 2' }, desk, at('09:45'));
    if (!roomed.ok) throw new Error('expected a move');
    expect(visitState(roomed.value)).toBe('in-room');
    expect(roomed.value.roomed).toEqual({ at: '2026-11-26T09:45:00.000Z', by: desk });
    expect(visitMinutes(roomed.value, at('09:50'))).toBe(5);

    const back = moveVisit(roomed.value, { to: 'back-to-waiting' }, desk, at('09:46'));
    expect(back.ok && visitState(back.value)).toBe('arrived');
    expect(back.ok && back.value.room).toBeUndefined();

    const out = moveVisit(roomed.value, { to: 'checked-out' }, desk, at('10:20'));
    if (!out.ok) throw new Error('expected a move');
    expect(visitState(out.value)).toBe('checked-out');
    // A closed visit shows its whole length, however late the board is looked at.
    expect(visitMinutes(out.value, at('15:00'))).toBe(68);
    expect(visitSchema.safeParse(out.value).success).toBe(true);
  });

  it('refuses to move a closed visit, and "back to waiting" for someone not in a room', () => {
    const left = moveVisit(
      arrived,
      { to: 'cancelled', reason: 'left-without-being-seen' },
      desk,
      at('10:00'),
    );
    if (!left.ok) throw new Error('expected a move');
    expect(visitState(left.value)).toBe('cancelled');
    expect(moveVisit(left.value, { to: 'in-room' }, desk, at('10:05'))).toMatchObject({
      ok: false,
      error: { code: 'visit-closed' },
    });
    expect(moveVisit(arrived, { to: 'back-to-waiting' }, desk, at('10:05'))).toMatchObject({
      ok: false,
      error: { code: 'not-in-room' },
    });
  });

  it('refuses a room holding hidden characters where the desk types it, and keeps one spelling', () => {
    expect(moveVisit(arrived, { to: 'in-room', room: 'Exam\u202e2' }, desk, at('10:00'))).toEqual({
      ok: false,
      error: {
        code: 'invalid-room',
        message: 'The room holds a hidden character that changes the direction of the text',
      },
    });
    expect(
      moveVisit(arrived, { to: 'in-room', room: 'x'.repeat(41) }, desk, at('10:00')),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-room', message: 'The room can be at most 40 characters' },
    });
    const roomed = moveVisit(arrived, { to: 'in-room', room: ' Cafe\u0301 ' }, desk, at('10:00'));
    expect(roomed.ok && roomed.value.room).toBe('Caf\u00e9');
  });

  it('leaves out the appointment time of a walk-in and never counts negative minutes', () => {
    const walkIn = arriveVisit(
      { patientId, visitType: 'walk-in', appointmentTime: '09:30' },
      '2026-11-26',
      1,
      desk,
      at('11:00'),
    );
    expect(walkIn.appointmentTime).toBeUndefined();
    expect(walkIn.id).toBe(`v-2026-11-26-1-${patientId}`);
    expect(visitMinutes(walkIn, at('10:58'))).toBe(0);
  });
});

describe('patientOfVisitId', () => {
  it('reads the patient back out of a visit id', () => {
    expect(patientOfVisitId(visitId(patientId, '2026-11-26', 2))).toBe(patientId);
  });
  it('is null for anything that is not a visit id', () => {
    expect(patientOfVisitId(patientId)).toBeNull();
    expect(patientOfVisitId('v-2026-11-26-0-not-a-patient')).toBeNull();
  });
});
