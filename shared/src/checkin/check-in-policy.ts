import type { NoticeInForce } from '../policies/privacy-notice.ts';
import { type CheckInPolicy, DEFAULT_CHECK_IN_POLICY } from './check-in-readiness.ts';

/**
 * The check-in policy with the Notice of Privacy Practices the practice has published: the
 * version in force (`noticeInForce`) is the one patients are asked to acknowledge, and an
 * acknowledgment of an earlier one with only editorial changes since still counts. A practice
 * that has not adopted its policies (no notice in force) keeps the built-in version.
 */
export function checkInPolicyWith(
  notice: NoticeInForce | undefined,
  base: CheckInPolicy = DEFAULT_CHECK_IN_POLICY,
): CheckInPolicy {
  if (!notice) return base;
  return {
    ...base,
    privacyNoticeVersion: notice.label,
    privacyNoticeVersions: notice.currentLabels,
  };
}
