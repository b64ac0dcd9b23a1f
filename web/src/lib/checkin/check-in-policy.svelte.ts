import { checkInPolicyWith } from '@clinicdesk/shared/checkin/check-in-policy.ts';
import {
  type CheckInPolicy,
  DEFAULT_CHECK_IN_POLICY,
} from '@clinicdesk/shared/checkin/check-in-readiness.ts';
import { noticeInForce } from '@clinicdesk/shared/policies/privacy-notice.ts';
import { combineLatest, map, of, switchMap } from 'rxjs';
import { observeFind } from '../db/documents.svelte.ts';
import { live } from '../db/live.svelte.ts';
import type { Workspace } from '../workspace.ts';

/**
 * The practice's check-in policy on `day`, kept live: the Notice of Privacy Practices patients
 * are asked to acknowledge is the notice policy's version in force (so publishing a new one
 * makes check-in ask again as soon as it syncs here), else the built-in one.
 */
export function liveCheckInPolicy(
  workspace: Workspace,
  day: string,
): { readonly current: CheckInPolicy } {
  return live(
    observeFind(workspace, 'policy', { selector: { privacyNotice: true } }).pipe(
      switchMap((notices) =>
        notices.length === 0
          ? of(DEFAULT_CHECK_IN_POLICY)
          : combineLatest([
              of(notices),
              observeFind(workspace, 'policyVersion', {
                selector: { policyId: { $in: notices.map((notice) => notice.id) } },
              }),
            ]).pipe(
              map(([policies, versions]) =>
                checkInPolicyWith(noticeInForce(policies, versions, day)),
              ),
            ),
      ),
    ),
    DEFAULT_CHECK_IN_POLICY,
  );
}
