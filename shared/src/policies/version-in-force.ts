import { addYears } from '../dates/calendar-days.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

/**
 * The version of a policy in force on a day: published (or since superseded or retired) with
 * an effective date on or before it, and not yet replaced or retired on it. A version published
 * to take effect later is not in force before its date; the one it will supersede still is.
 */
export function versionInForce(
  versions: readonly PolicyVersion[],
  policyId: string,
  day: string,
): PolicyVersion | undefined {
  let found: PolicyVersion | undefined;
  for (const version of versions) {
    if (version.policyId !== policyId || !wasInForce(version, day)) continue;
    if (!found || version.versionNumber > found.versionNumber) found = version;
  }
  return found;
}

function wasInForce(version: PolicyVersion, day: string): boolean {
  if (
    version.status !== 'published' &&
    version.status !== 'superseded' &&
    version.status !== 'retired'
  )
    // prettier-ignore
    return false;
  if (!version.effectiveOn || version.effectiveOn > day) return false;
  if (version.supersededOn && version.supersededOn <= day) return false;
  if (version.retiredOn && version.retiredOn <= day) return false;
  return true;
}

/** HIPAA documentation is kept six years from when it was last in effect (45 CFR 164.316(b)(2)). */
export const RETENTION_YEARS = 6;

/**
 * The first day a superseded or retired version may be discarded: six full years after the
 * day it stopped being in force. Undefined while it is (or may yet be) in force.
 */
export function keptUntil(version: PolicyVersion): string | undefined {
  const ended = version.supersededOn ?? version.retiredOn;
  return ended ? addYears(ended, RETENTION_YEARS, 'march-1') : undefined;
}

export function mayDiscard(version: PolicyVersion, today: string): boolean {
  const until = keptUntil(version);
  return until !== undefined && today >= until;
}
