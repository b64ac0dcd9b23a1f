import { canWriteKind } from '@clinicdesk/shared/auth/permissions.ts';
import type { ReviewReportRow } from '@clinicdesk/shared/policies/review-report.ts';
import { reviewReportCsv } from '@clinicdesk/shared/policies/review-report.ts';
import type { Review } from '@clinicdesk/shared/policies/review.schema.ts';
import { KIND_SCHEMAS } from '@clinicdesk/shared/registry/kind-schemas.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { recordAccess } from '../../audit/audit.actions.ts';
import { nowIso, today } from '../../clock.ts';
import { downloadText } from '../../acknowledgments/download.ts';
import { newId } from '../../session/device.ts';
import type { Workspace } from '../../workspace.ts';

export type ReviewError = { code: 'not-allowed' | 'invalid'; message: string };

/**
 * "Reviewed, no change": the policy's owner or the office manager read it through and it stays
 * as it is. A review record restarts the cycle (`nextReviewOn`) without a new version, so
 * nobody is asked to acknowledge anything again. On this device first; it syncs when it can.
 */
export async function reviewedNoChange(
  workspace: Workspace,
  policy: { id: string; ownerStaffId: string },
  note?: string,
): Promise<Result<Review, ReviewError>> {
  const { user } = workspace;
  if (!canWriteKind(user.role, 'policyReview') || (user.role !== 'office-manager' && user.id !== policy.ownerStaffId)) // prettier-ignore
    return fail({ code: 'not-allowed', message: 'Only the policy’s owner or the office manager records its review' }); // prettier-ignore
  const at = nowIso();
  const review: Review = {
    id: newId(),
    kind: 'policyReview',
    policyId: policy.id,
    reviewedOn: today(),
    outcome: 'no-change',
    byStaffId: user.id,
    ...(note?.trim() ? { note: note.trim() } : {}),
    createdAt: at,
    updatedAt: at,
    editedBy: { userId: user.id, name: user.displayName, deviceId: workspace.deviceId },
  };
  const parsed = KIND_SCHEMAS.policyReview.safeParse(review);
  if (!parsed.success) return fail({ code: 'invalid', message: parsed.error.issues[0]?.message ?? 'Not saved' }); // prettier-ignore
  await workspace.db.policies.insert(review);
  return ok(review);
}

/** The review report as a CSV file, recorded in the audit trail as an export. */
export async function downloadReviewReport(
  workspace: Workspace,
  rows: readonly ReviewReportRow[],
  staffName: (staffId: string) => string | undefined,
): Promise<void> {
  downloadText(`policy-reviews-${today()}.csv`, reviewReportCsv(rows, staffName), 'text/csv');
  await recordAccess(workspace, 'export', 'policies', null);
}
