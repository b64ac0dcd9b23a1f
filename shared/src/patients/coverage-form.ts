import { blobRefSchema, type BlobRef } from '../blobs/blob-ref.schema.ts';
import {
  COVERAGE_ORDERS,
  type Coverage,
  type CoverageOrder,
  type CoveragePlan,
  PAYER_TYPES,
  SUBSCRIBER_RELATIONSHIPS,
  type Subscriber,
} from './coverage.schema.ts';
import type { FormReader } from './form-reader.ts';
import { memberIdProblem, normaliseMemberId } from './member-id.ts';
import { type Address, SEXES } from './person.schema.ts';

/** Fields of one plan on the form, under `primary.`, `secondary.` or `tertiary.`. */
export const PLAN_FIELDS = ['payerType', 'payerName', 'planName', 'memberId', 'groupNumber', 'relationship', 'subscriber.givenName', 'subscriber.familyName', 'subscriber.dateOfBirth', 'subscriber.sex', 'subscriber.sameAddress', 'subscriber.line1', 'subscriber.line2', 'subscriber.city', 'subscriber.state', 'subscriber.postalCode', 'effectiveDate', 'endDate', 'copay', 'cardFront', 'cardBack'] as const; // prettier-ignore

/**
 * Reads the coverage part of the form: each plan that has anything typed is checked by its payer
 * type (self-pay needs nothing more; others need the payer and a member id in that payer's
 * format), with the subscriber's name, birth date and address when the patient is not the
 * subscriber, and an end date no earlier than the effective date. Plans fill in order.
 */
export function readCoverage(
  r: FormReader,
  context: { today: string; patientAddress: Address | undefined },
): Coverage | undefined {
  const coverage: Coverage = {};
  const present = (order: CoverageOrder) =>
    r.any(...PLAN_FIELDS.filter((f) => f !== 'subscriber.sameAddress').map((f) => `${order}.${f}`)); // prettier-ignore
  COVERAGE_ORDERS.forEach((order, i) => {
    if (!present(order)) return;
    const before = COVERAGE_ORDERS[i - 1];
    if (before && !present(before)) r.fail(`${order}.payerType`, `Enter the ${before} plan first`);
    else if (before && r.raw('primary.payerType') === 'self-pay')
      r.fail(`${order}.payerType`, 'A self-pay patient has no further plans: remove this plan or change the primary one'); // prettier-ignore
    const plan = readPlan(r, order, context);
    if (plan) coverage[order] = plan;
  });
  return Object.keys(coverage).length > 0 ? coverage : undefined;
}

function readPlan(
  r: FormReader,
  order: CoverageOrder,
  context: { today: string; patientAddress: Address | undefined },
): CoveragePlan | undefined {
  const key = (field: string) => `${order}.${field}`;
  const payerType = r.choice(key('payerType'), PAYER_TYPES, 'Choose the payer type');
  const cardFront = card(r, key('cardFront'));
  const cardBack = card(r, key('cardBack'));
  if (!payerType) return undefined;
  if (payerType === 'self-pay')
    return { payerType, ...(cardFront ? { cardFront } : {}), ...(cardBack ? { cardBack } : {}) };

  const payerName =
    r.text(key('payerName')) ??
    (payerType === 'medicare'
      ? 'Medicare'
      : r.fail(key('payerName'), 'Enter the insurance company'));
  const typedId = r.raw(key('memberId'));
  let memberId: string | undefined;
  if (!typedId) r.fail(key('memberId'), 'Enter the member id from the card');
  else {
    memberId = normaliseMemberId(payerType, typedId);
    const problem = memberIdProblem(payerType, memberId);
    if (problem) memberId = r.fail(key('memberId'), problem);
  }
  const groupNumber = r.text(key('groupNumber'))?.toUpperCase();
  if (groupNumber && !/^[A-Z0-9-]{1,30}$/.test(groupNumber))
    r.fail(key('groupNumber'), 'A group number has up to 30 letters, digits or dashes');

  const relationship = r.choice(key('relationship'), SUBSCRIBER_RELATIONSHIPS) ?? 'self';
  const subscriber =
    relationship === 'self' ? undefined : readSubscriber(r, `${order}.subscriber`, context);

  const effectiveDate = r.date(key('effectiveDate'), { label: 'effective date' });
  const endDate = r.date(key('endDate'), { label: 'end date' });
  if (effectiveDate && endDate && endDate < effectiveDate)
    r.fail(key('endDate'), 'The end date cannot be before the effective date');

  const copayCents = copay(r, key('copay'));
  const plan: CoveragePlan = {
    payerType,
    payerName,
    planName: r.text(key('planName')),
    memberId,
    groupNumber,
    relationship,
    subscriber,
    effectiveDate,
    endDate,
    copayCents,
    cardFront,
    cardBack,
  };
  return Object.fromEntries(
    Object.entries(plan).filter(([, value]) => value !== undefined),
  ) as CoveragePlan;
}

function readSubscriber(
  r: FormReader,
  prefix: string,
  context: { today: string; patientAddress: Address | undefined },
): Subscriber | undefined {
  const givenName = r.text(`${prefix}.givenName`, "Enter the subscriber's first name");
  const familyName = r.text(`${prefix}.familyName`, "Enter the subscriber's last name");
  const dateOfBirth = r.date(`${prefix}.dateOfBirth`, {
    required: "Enter the subscriber's date of birth",
    notAfter: context.today,
    label: 'date of birth',
  });
  const sex = r.choice(`${prefix}.sex`, SEXES);
  let address: Address | undefined;
  if (r.raw(`${prefix}.sameAddress`) === 'yes') {
    address = context.patientAddress;
    if (!address)
      r.fail(`${prefix}.sameAddress`, "Enter the patient's home address first, or the subscriber's own address"); // prettier-ignore
  } else address = r.address(prefix, true);
  if (!givenName || !familyName || !dateOfBirth || !address) return undefined;
  return { givenName, familyName, dateOfBirth, ...(sex ? { sex } : {}), address };
}

/** "$25", "25", "25.50" → cents. */
function copay(r: FormReader, key: string): number | undefined {
  const typed = r
    .raw(key)
    .replace(/^\$\s*/, '')
    .replace(/,/g, '');
  if (!typed) return undefined;
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(typed))
    return r.fail(key, 'Enter the copay in dollars, like 25 or 25.50');
  return Math.round(Number(typed) * 100);
}

/** A card photo already stored on this device, held in the form as its JSON reference. */
function card(r: FormReader, key: string): BlobRef | undefined {
  const typed = r.raw(key);
  if (!typed) return undefined;
  try {
    const parsed = blobRefSchema.safeParse(JSON.parse(typed));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: reported below.
  }
  return r.fail(key, 'Take the card photo again');
}

/** A stored plan back into form fields. */
export function planToForm(order: CoverageOrder, plan: CoveragePlan): Record<string, string> {
  const s = plan.subscriber;
  const fields: Record<string, string | undefined> = {
    payerType: plan.payerType,
    payerName: plan.payerName,
    planName: plan.planName,
    memberId: plan.memberId,
    groupNumber: plan.groupNumber,
    relationship: plan.relationship,
    'subscriber.givenName': s?.givenName,
    'subscriber.familyName': s?.familyName,
    'subscriber.dateOfBirth': s && isoToForm(s.dateOfBirth),
    'subscriber.sex': s?.sex,
    'subscriber.line1': s?.address?.line1,
    'subscriber.line2': s?.address?.line2,
    'subscriber.city': s?.address?.city,
    'subscriber.state': s?.address?.state,
    'subscriber.postalCode': s?.address?.postalCode,
    effectiveDate: plan.effectiveDate && isoToForm(plan.effectiveDate),
    endDate: plan.endDate && isoToForm(plan.endDate),
    copay: plan.copayCents === undefined ? undefined : (plan.copayCents / 100).toFixed(2),
    cardFront: plan.cardFront && JSON.stringify(plan.cardFront),
    cardBack: plan.cardBack && JSON.stringify(plan.cardBack),
  };
  return Object.fromEntries(
    Object.entries(fields)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([field, value]) => [`${order}.${field}`, value]),
  );
}

/** `1980-01-31` → `01/31/1980`, as the form takes dates. */
export function isoToForm(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}
