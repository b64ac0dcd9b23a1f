import type { MergeChoice } from '@clinicdesk/shared/charts/chart-merge.schema.ts';
import { mergeCharts } from '@clinicdesk/shared/charts/merge-charts.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { type Patient, patientSchema } from '@clinicdesk/shared/patients/patient.schema.ts';
import { mergeEdits } from '@clinicdesk/shared/sync/merge-edits.ts';
import { newId } from '../session/device.ts';
import type { Workspace } from '../workspace.ts';
import { recordOf } from '../db/documents.svelte.ts';

/**
 * Merges `merged` into `survivor` on this device, as the person chose field by field, from the
 * two charts as they were on screen. Works offline; everything it writes syncs like any edit:
 * the survivor's new values, the merged-away chart's pointer to it, and the merge record.
 *
 * Changes that arrived while the person was choosing are kept: the merge is applied as an edit
 * of what was on screen (`mergeEdits`), so a field someone else changed meanwhile becomes an open
 * conflict rather than being overwritten unseen. The same holds when two devices merge the same
 * charts while offline.
 */
export async function mergeChartsOnDevice(
  workspace: Workspace,
  survivor: Patient,
  merged: Patient,
  choices: Record<string, MergeChoice>,
): Promise<Result<{ mergeId: string }, string>> {
  const plan = mergeCharts(survivor, merged, choices, newId(), new Date());
  // A combination the record's rules do not allow (too many entries in a list, say).
  const checked = patientSchema.safeParse(plan.survivor);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return fail(
      `The combined chart is not valid (${issue?.path.join('.') ?? 'record'}: ${issue?.message ?? 'invalid'}). Keep one chart’s value for that field.`,
    );
  }
  const survivorDoc = await recordOf(workspace, 'patient', survivor.id);
  const mergedDoc = await recordOf(workspace, 'patient', merged.id);
  if (!survivorDoc || !mergedDoc) return fail('One of the charts is no longer on this device.');
  await survivorDoc.incrementalModify((latest) =>
    mergeEdits<Patient>(survivor, plan.survivor, latest),
  );
  await mergedDoc.incrementalModify((latest) => mergeEdits<Patient>(merged, plan.merged, latest));
  await workspace.db.chartMerges.insert(plan.record);
  return ok({ mergeId: plan.record.id });
}
