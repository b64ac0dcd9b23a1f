import {
  arriveVisit,
  isActiveVisit,
  moveVisit,
  type VisitMove,
} from '@clinicdesk/shared/checkin/visit-steps.ts';
import {
  type Visit,
  visitSchema,
  type VisitType,
} from '@clinicdesk/shared/checkin/visit.schema.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { today } from '../clock.ts';
import type { Workspace } from '../workspace.ts';
import { recordOf } from '../db/documents.svelte.ts';

export type CheckInDetails = {
  visitType: VisitType;
  appointmentTime: string;
  reason: string;
  /** The receptionist read the address and phone back to the patient and they are right. */
  demographicsConfirmed: boolean;
};

export type CheckInError =
  | { code: 'already-checked-in'; visit: Visit }
  | { code: 'invalid'; field: 'appointmentTime' | 'reason'; message: string };

function editorOf(workspace: Workspace): Editor {
  return {
    userId: workspace.user.id,
    name: workspace.user.displayName,
    deviceId: workspace.deviceId,
  };
}

/** The patient's visit still open today, if they are already on the board. */
export async function openVisitToday(
  workspace: Workspace,
  patientId: string,
): Promise<Visit | null> {
  const visits = await workspace.db.visits.find({ selector: { day: today(), patientId } }).exec();
  return visits.map((doc) => doc.toJSON() as Visit).find(isActiveVisit) ?? null;
}

/**
 * Checks a patient in on this device: the visit is stored locally at once (and syncs to every
 * other desk), and a confirmation of address and phone is stamped on the patient's record.
 */
export async function checkInPatient(
  workspace: Workspace,
  patientId: string,
  details: CheckInDetails,
): Promise<Result<Visit, CheckInError>> {
  const day = today();
  const earlier = (await workspace.db.visits.find({ selector: { day, patientId } }).exec()).map(
    (doc) => doc.toJSON() as Visit,
  );
  const open = earlier.find(isActiveVisit);
  if (open) return fail({ code: 'already-checked-in', visit: open });
  if (details.visitType === 'appointment' && !details.appointmentTime)
    return fail({
      code: 'invalid',
      field: 'appointmentTime',
      message: 'Enter the appointment time',
    });
  const now = new Date();
  const visit = arriveVisit(
    {
      patientId,
      visitType: details.visitType,
      appointmentTime: details.appointmentTime,
      reason: details.reason,
    },
    day,
    earlier.length,
    editorOf(workspace),
    now,
  );
  const checked = visitSchema.safeParse(visit);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path[0] === 'reason' ? 'reason' : 'appointmentTime';
    return fail({ code: 'invalid', field, message: issue?.message ?? 'Check this field' });
  }
  await workspace.db.visits.insert(visit);
  if (details.demographicsConfirmed) {
    const doc = await recordOf(workspace, 'patient', patientId);
    const at = now.toISOString();
    await doc?.incrementalModify((latest): Patient => ({
      ...latest,
      demographicsConfirmedAt: at,
      updatedAt: at,
    }));
  }
  return ok(visit);
}

/** Moves a visit on the board (to a room, out, back, or left), applied to its latest state. */
export async function moveVisitOnBoard(
  workspace: Workspace,
  visitId: string,
  move: VisitMove,
): Promise<Result<Visit, string>> {
  const doc = await workspace.db.visits.findOne(visitId).exec();
  if (!doc) return fail('This visit is not on this device.');
  let error: string | null = null;
  const saved = await doc.incrementalModify((latest) => {
    const next = moveVisit(latest, move, editorOf(workspace), new Date());
    if (next.ok) return next.value;
    error = next.error.message;
    return latest;
  });
  return error ? fail(error) : ok(saved.toJSON() as Visit);
}
