import { ageOn } from '../patients/date-of-birth.ts';
import { CONSENT_KIND_LABELS, type ConsentKind } from '../patients/consents.schema.ts';
import {
  COVERAGE_ORDER_LABELS,
  COVERAGE_ORDERS,
  type CoveragePlan,
} from '../patients/coverage.schema.ts';
import type { Patient } from '../patients/patient.schema.ts';

/**
 * What the desk must confirm or collect when a patient arrives: the practice's rules, applied to
 * the patient's record on the day. Pure; the board and the check-in step both use it.
 */

export type ReadinessArea = 'demographics' | 'coverage' | 'consents';
export const READINESS_AREA_LABELS: Record<ReadinessArea, string> = {
  demographics: 'Demographics',
  coverage: 'Coverage',
  consents: 'Consents and privacy',
};

export type ReadinessItem = {
  area: ReadinessArea;
  /** Stable code, e.g. `privacy-notice-outdated` (tests, board badges). */
  code: string;
  /** What staff read, e.g. "Primary plan ended on 10/31/2026". */
  message: string;
};

/** The practice's check-in policy. */
export type CheckInPolicy = {
  /** The Notice of Privacy Practices now in force; an acknowledgment of another is outdated. */
  privacyNoticeVersion: string;
  /**
   * Versions an acknowledgment may name and still be current (the one in force and earlier ones
   * with only editorial changes since, `noticeInForce`); just `privacyNoticeVersion` when absent.
   */
  privacyNoticeVersions?: readonly string[];
  /** Consents every patient must have given (and not withdrawn) before being seen. */
  requiredConsents: readonly ConsentKind[];
  /** Address and phone are re-confirmed with the patient after this many months. */
  demographicsValidMonths: number;
};

/** The demo practice's policy (a settings screen for it is future work). */
export const DEFAULT_CHECK_IN_POLICY: CheckInPolicy = {
  privacyNoticeVersion: '2026-01',
  requiredConsents: ['treatment', 'financial-policy'],
  demographicsValidMonths: 12,
};

/**
 * Everything missing or stale on `today` (ISO date), in the order the desk works through it.
 * An empty list means the patient can go straight to the waiting room.
 */
export function checkInReadiness(
  patient: Patient,
  today: string,
  policy: CheckInPolicy = DEFAULT_CHECK_IN_POLICY,
): ReadinessItem[] {
  return [
    ...demographicsItems(patient, today, policy),
    ...coverageItems(patient, today),
    ...consentItems(patient, today, policy),
  ];
}

function demographicsItems(patient: Patient, today: string, policy: CheckInPolicy) {
  const items: ReadinessItem[] = [];
  const add = (code: string, message: string) =>
    items.push({ area: 'demographics', code, message });
  if (!patient.address) add('address-missing', 'No home address on file');
  if (!patient.phone) add('phone-missing', 'No phone number on file');
  const confirmed = patient.demographicsConfirmedAt?.slice(0, 10);
  if (!confirmed)
    add('demographics-unconfirmed', 'Address and phone never confirmed with the patient');
  else if (confirmed <= addMonths(today, -policy.demographicsValidMonths))
    add(
      'demographics-stale',
      `Address and phone last confirmed ${formatDay(confirmed)} (over ${policy.demographicsValidMonths} months ago)`,
    );
  if (ageOn(patient.dateOfBirth, today) < 18 && !patient.guarantor)
    add('guarantor-missing', 'A minor without a parent or guardian on file');
  return items;
}

function coverageItems(patient: Patient, today: string) {
  const items: ReadinessItem[] = [];
  const add = (code: string, message: string) => items.push({ area: 'coverage', code, message });
  const plans = COVERAGE_ORDERS.flatMap((order) => {
    const plan = patient.coverage?.[order];
    return plan ? [{ order, plan }] : [];
  });
  if (plans.length === 0) {
    add('coverage-missing', 'No insurance or self-pay recorded');
    return items;
  }
  let active = 0;
  for (const { order, plan } of plans) {
    const label = `${COVERAGE_ORDER_LABELS[order]} plan`;
    if (plan.endDate && plan.endDate < today) {
      add(`coverage-${order}-ended`, `${label} ended on ${formatDay(plan.endDate)}`);
      continue;
    }
    if (plan.effectiveDate && plan.effectiveDate > today) {
      add(`coverage-${order}-not-started`, `${label} starts on ${formatDay(plan.effectiveDate)}`);
      continue;
    }
    active++;
    if (needsCard(plan) && (!plan.cardFront || !plan.cardBack))
      add(
        `coverage-${order}-card-photos`,
        `${label}: ${!plan.cardFront && !plan.cardBack ? 'no card photos' : `no photo of the card ${plan.cardFront ? 'back' : 'front'}`}`,
      );
  }
  if (active === 0) add('coverage-none-active', 'No plan is in effect today');
  return items;
}

/** Self-pay has no card; every other payer's card is photographed front and back. */
function needsCard(plan: CoveragePlan): boolean {
  return plan.payerType !== 'self-pay';
}

function consentItems(patient: Patient, today: string, policy: CheckInPolicy) {
  const items: ReadinessItem[] = [];
  const add = (code: string, message: string) => items.push({ area: 'consents', code, message });
  const notice = patient.privacyNotice;
  if (!notice) add('privacy-notice-missing', 'Notice of Privacy Practices not acknowledged');
  else if (
    !(policy.privacyNoticeVersions ?? [policy.privacyNoticeVersion]).includes(notice.version)
  )
    add(
      'privacy-notice-outdated',
      `Privacy notice ${notice.status === 'acknowledged' ? 'acknowledged' : 'offered'} is version ${notice.version}; the current one is ${policy.privacyNoticeVersion}`,
    );
  else if (notice.status === 'not-obtained')
    add(
      'privacy-notice-not-obtained',
      `Privacy notice acknowledgment not obtained on ${formatDay(notice.date)}: ask again`,
    );
  for (const kind of policy.requiredConsents) {
    const consent = patient.consents?.[kind];
    const label = CONSENT_KIND_LABELS[kind];
    if (!consent) add(`consent-${kind}-missing`, `${label} not signed`);
    else if (consent.status === 'refused') add(`consent-${kind}-refused`, `${label} refused`);
    else if (consent.status === 'revoked') add(`consent-${kind}-revoked`, `${label} withdrawn`);
    else if (consent.expires && consent.expires < today)
      add(`consent-${kind}-expired`, `${label} expired on ${formatDay(consent.expires)}`);
  }
  if (!patient.communication)
    add(
      'communication-not-asked',
      'Not yet asked how we may contact them (voicemail, text, email)',
    );
  return items;
}

/** `2026-11-26` → `11/26/2026`. */
function formatDay(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${month}/${day}/${year}`;
}

/** The ISO day `months` months from `day` (clamped to the month's end). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0));
  target.setUTCDate(Math.min(date, lastDay.getUTCDate()));
  return target.toISOString().slice(0, 10);
}
