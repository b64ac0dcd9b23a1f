import type { PrivacyNotice } from '../patients/consents.schema.ts';
import type { Policy } from './policy.schema.ts';
import type { PolicyVersion } from './policy-version.schema.ts';
import { versionInForce } from './version-in-force.ts';

/**
 * The Notice of Privacy Practices is a policy (`privacyNotice: true`): check-in asks a patient
 * to acknowledge the version in force on the day, and publishing a new one makes it ask again.
 */
export type NoticeInForce = {
  policy: Policy;
  version: PolicyVersion;
  /** What the patient's record stores as the version acknowledged (`privacyNotice.version`). */
  label: string;
  /**
   * Labels of this notice that a patient's acknowledgment may name and still be current: the
   * one in force, and earlier ones with no material change since (a corrected typo does not send
   * every patient back to the tablet).
   */
  currentLabels: readonly string[];
};

/** The notice's version as patients' records name it: its own label ("2026-01"), else number and version. */
export function noticeVersionLabel(
  policy: Pick<Policy, 'number'>,
  version: Pick<PolicyVersion, 'versionLabel' | 'versionNumber'>,
): string {
  // prettier-ignore
  return version.versionLabel ?? `${policy.number} v${version.versionNumber}`;
}

const ISSUED = new Set(['published', 'superseded', 'retired']);

/** The notice check-in asks for on `day`: the notice policy's version in force then. */
export function noticeInForce(
  policies: readonly Policy[],
  versions: readonly PolicyVersion[],
  day: string,
): NoticeInForce | undefined {
  const notices = policies
    .filter((policy) => policy.privacyNotice && !(policy.retiredOn && policy.retiredOn <= day))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  for (const policy of notices) {
    const version = versionInForce(versions, policy.id, day);
    if (!version) continue;
    const earlier = versions
      .filter(
        (v) =>
          v.policyId === policy.id &&
          v.versionNumber < version.versionNumber &&
          ISSUED.has(v.status),
      ) // prettier-ignore
      .sort((a, b) => b.versionNumber - a.versionNumber);
    const currentLabels = [noticeVersionLabel(policy, version)];
    // Back from the one in force while each step was editorial.
    let material = version.materialChange;
    for (const older of earlier) {
      if (material) break;
      currentLabels.push(noticeVersionLabel(policy, older));
      material = older.materialChange;
    }
    return { policy, version, label: currentLabels[0]!, currentLabels };
  }
  return undefined;
}

export type NoticeCoverage =
  | { covered: true; code: 'acknowledged' }
  | { covered: false; code: 'missing' | 'outdated' | 'not-obtained' | 'no-notice-in-force' };

/**
 * Whether a patient's stored answer about the notice covers the one in force: acknowledged,
 * of a current label. Not obtained (refused, or the effort was documented) means check-in asks
 * again; an acknowledgment of an earlier notice with a material change since is outdated.
 */
export function noticeCoverage(
  notice: PrivacyNotice | undefined,
  inForce: NoticeInForce | undefined,
): NoticeCoverage {
  if (!inForce) return { covered: false, code: 'no-notice-in-force' };
  if (!notice) return { covered: false, code: 'missing' };
  if (!inForce.currentLabels.includes(notice.version)) return { covered: false, code: 'outdated' };
  if (notice.status !== 'acknowledged') return { covered: false, code: 'not-obtained' };
  return { covered: true, code: 'acknowledged' };
}
