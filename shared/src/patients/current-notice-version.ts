import type { PrivacyNotice } from './consents.schema.ts';

/**
 * The practice's current Notice of Privacy Practices, as its records show it: the version of
 * the notice offered most recently (then the highest version, for notices offered the same day).
 * A new registration offers that notice, so the form proposes it; the receptionist corrects it
 * the day the practice prints a new one, and from then on the new version is proposed.
 */
export function currentNoticeVersion(
  notices: Iterable<PrivacyNotice | undefined>,
): string | undefined {
  let latest: PrivacyNotice | undefined;
  for (const notice of notices) {
    if (!notice?.version.trim()) continue;
    if (
      !latest ||
      notice.date > latest.date ||
      (notice.date === latest.date &&
        notice.version.localeCompare(latest.version, 'en-US', { numeric: true }) > 0)
    )
      latest = notice;
  }
  return latest?.version;
}
