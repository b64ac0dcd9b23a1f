import { base, en, en_US, Faker } from '@faker-js/faker';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import type { CoveragePlan, Subscriber } from '@clinicdesk/shared/patients/coverage.schema.ts';
import { ageOn } from '@clinicdesk/shared/patients/date-of-birth.ts';
import type { Race } from '@clinicdesk/shared/patients/patient-codes.ts';
import {
  type Address,
  US_STATES,
  type Patient,
  type Sex,
} from '@clinicdesk/shared/patients/patient.schema.ts';
import { validateWireDocument } from '@clinicdesk/shared/sync/collections.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';

export const DEMO_PATIENT_SEED = 2026;
const DEMO_HOME_STATE = 'OR';
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
/**
 * Ages (which decide Medicare, a guarantor, an employer) are taken on this fixed day, not on
 * `now`, so the same seed gives the same people whenever the demo starts.
 */
export const DEMO_AGE_REFERENCE = '2026-01-01';
const NOTICE_VERSION = '2025-09';
/** Made-up payers, so no real company's name appears beside fake members. */
const COMMERCIAL_PAYERS = [
  ['Cascade Mutual Health', ['Silver PPO', 'Gold PPO', 'Bronze HMO']],
  ['Prairie Health Plan', ['Choice PPO', 'Select HMO']],
  ['Summit Ridge Insurance', ['Open Access', 'High Deductible']],
  ['Willamette Care Alliance', ['Standard', 'Premier']],
  ['Northstar Benefit Trust', ['Employee Plan']],
] as const;
const PHARMACIES = ['Corner Drug', 'Riverside Pharmacy', 'Alder Street Apothecary', 'Hillcrest Drugs', 'Valley Family Pharmacy']; // prettier-ignore

/**
 * Synthetic patients for the demo clinic, the same people on every run (fixed seed); only their
 * registration times follow `now`. Each has what a front desk records — typed phones, contacts,
 * a guarantor for minors, coverage fitting their age (Medicare from 65, a parent's plan for
 * children, some Medicaid and self-pay), the privacy notice and consents. Phones are in the
 * 555-0100…0199 range, which is reserved for fiction; emails are at the reserved example.com/
 * .net/.org domains; payers and pharmacies are made up.
 */
export function generateDemoPatients(count: number, now: Date): WireDocument[] {
  const faker = new Faker({ locale: [en_US, en, base], seed: DEMO_PATIENT_SEED });
  const patients: WireDocument[] = [];
  for (let i = 0; i < count; i++) {
    const doc = { ...demoPatient(faker, now), _deleted: false };
    const valid = validateWireDocument('patients', doc);
    if (!valid.ok)
      throw new Error(`Demo patient ${i} is invalid: ${JSON.stringify(valid.error.issues)}`);
    patients.push(valid.value);
  }
  // Registered oldest first, so the server's seq order matches registration order.
  return patients.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
}

function demoPatient(faker: Faker, now: Date): Patient {
  const sex = faker.helpers.weightedArrayElement<Sex>([
    { value: 'female', weight: 50 },
    { value: 'male', weight: 46 },
    { value: 'other', weight: 1 },
    { value: 'unknown', weight: 3 },
  ]);
  const nameSex = sex === 'female' || sex === 'male' ? sex : undefined;
  const givenName = faker.person.firstName(nameSex);
  const familyName = faker.person.lastName();
  const createdAt = faker.date.between({ from: now.getTime() - 3 * YEAR_MS, to: now });
  const updatedAt = faker.date.between({ from: createdAt, to: now });
  const idBytes = Uint8Array.from({ length: 10 }, () => faker.number.int(255));
  const registered = createdAt.toISOString().slice(0, 10);
  const dateOfBirth = isoDate(faker.date.between({ from: '1930-01-01T00:00:00Z', to: '2024-12-31T00:00:00Z' })); // prettier-ignore
  const age = ageOn(dateOfBirth, DEMO_AGE_REFERENCE);

  const patient: Patient = {
    id: uuidv7(createdAt.getTime(), idBytes),
    kind: 'patient',
    givenName,
    familyName,
    dateOfBirth,
    sex,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
  if (faker.datatype.boolean(0.3)) patient.middleName = faker.person.middleName(nameSex);
  if (sex === 'male' && faker.datatype.boolean(0.06))
    patient.suffix = faker.helpers.arrayElement(['Jr.', 'Sr.', 'II', 'III']);
  if (faker.datatype.boolean(0.1)) patient.preferredName = faker.person.firstName(nameSex);
  if (sex === 'female' && age > 25 && faker.datatype.boolean(0.15))
    patient.previousNames = { [entryKey(faker)]: { familyName: faker.person.lastName() } };
  if (faker.datatype.boolean(0.01)) patient.dateOfBirthEstimated = true;
  demographics(faker, patient, nameSex);

  if (faker.datatype.boolean(0.9)) {
    patient.phone = fictionalPhone(faker);
    patient.phoneType = faker.helpers.weightedArrayElement([
      { value: 'mobile' as const, weight: 75 },
      { value: 'home' as const, weight: 20 },
      { value: 'work' as const, weight: 5 },
    ]);
    if (faker.datatype.boolean(0.25))
      patient.otherPhones = patient.phoneType === 'home' ? { mobile: fictionalPhone(faker) } : { home: fictionalPhone(faker) }; // prettier-ignore
  }
  if (faker.datatype.boolean(0.7))
    patient.email = faker.internet
      .email({
        firstName: givenName,
        lastName: familyName,
        provider: faker.helpers.arrayElement(['example.com', 'example.net', 'example.org']),
      })
      .toLowerCase();
  if (faker.datatype.boolean(0.95)) {
    patient.address = demoAddress(faker);
    if (faker.datatype.boolean(0.05)) patient.mailingAddress = { line1: `PO Box ${faker.number.int({ min: 10, max: 9999 })}`, city: patient.address.city, state: patient.address.state, postalCode: patient.address.postalCode }; // prettier-ignore
  }

  const parent = age < 18 || faker.datatype.boolean(0.03) ? demoParent(faker, familyName, patient.address, age) : undefined; // prettier-ignore
  if (parent) {
    patient.guarantor = {
      givenName: parent.givenName,
      familyName: parent.familyName,
      relationship: age < 18 ? 'parent' : 'legal-guardian',
      dateOfBirth: parent.dateOfBirth,
      phone: fictionalPhone(faker),
      personalRepresentative: true,
      authority: age < 18 ? 'Parent of a minor' : 'Court-appointed guardian',
    };
  }
  if (faker.datatype.boolean(0.7)) {
    patient.emergencyContacts = {};
    for (let i = faker.datatype.boolean(0.25) ? 2 : 1; i > 0; i--)
      patient.emergencyContacts[entryKey(faker)] = {
        name: faker.person.fullName(),
        relationship: faker.helpers.arrayElement(age < 18 ? (['parent', 'grandparent'] as const) : (['spouse', 'partner', 'parent', 'child', 'sibling', 'friend'] as const)), // prettier-ignore
        phone: fictionalPhone(faker),
      };
  }
  if (age >= 18 && age < 67 && faker.datatype.boolean(0.55))
    patient.employer = { name: faker.company.name(), occupation: faker.person.jobTitle() };
  if (faker.datatype.boolean(0.6))
    patient.primaryCareProvider = {
      name: `Dr. ${faker.person.fullName()}`,
      npi: fictionalNpi(faker),
    };
  if (faker.datatype.boolean(0.2))
    patient.referringProvider = {
      name: `Dr. ${faker.person.fullName()}`,
      npi: fictionalNpi(faker),
    };
  if (faker.datatype.boolean(0.7))
    patient.preferredPharmacy = { name: faker.helpers.arrayElement(PHARMACIES), phone: fictionalPhone(faker), location: `${faker.location.street()}, ${patient.address?.city ?? faker.location.city()}` }; // prettier-ignore

  const coverage = demoCoverage(faker, age, registered, parent);
  if (coverage) patient.coverage = coverage;
  consents(faker, patient, registered, !!coverage?.primary && coverage.primary.payerType !== 'self-pay'); // prettier-ignore
  return patient;
}

function demographics(faker: Faker, patient: Patient, nameSex: 'female' | 'male' | undefined) {
  if (faker.datatype.boolean(0.45)) {
    patient.genderIdentity = faker.helpers.weightedArrayElement([
      { value: nameSex ?? 'nonbinary', weight: 90 },
      { value: 'nonbinary' as const, weight: 2 },
      { value: 'declined' as const, weight: 8 },
    ]);
    if (faker.datatype.boolean(0.7))
      patient.pronouns = patient.genderIdentity === 'female' ? 'she-her' : patient.genderIdentity === 'male' ? 'he-him' : patient.genderIdentity === 'declined' ? 'declined' : 'they-them'; // prettier-ignore
  }
  if (faker.datatype.boolean(0.65)) {
    const races: Race[] = faker.datatype.boolean(0.08)
      ? ['declined']
      : faker.helpers.arrayElements(['american-indian-alaska-native', 'asian', 'black-african-american', 'native-hawaiian-pacific-islander', 'white'] as const, { min: 1, max: faker.datatype.boolean(0.1) ? 2 : 1 }); // prettier-ignore
    patient.race = [...races].sort();
    patient.ethnicity = faker.helpers.weightedArrayElement([
      { value: 'not-hispanic-latino' as const, weight: 78 },
      { value: 'hispanic-latino' as const, weight: 17 },
      { value: 'declined' as const, weight: 5 },
    ]);
  }
  patient.preferredLanguage = faker.helpers.weightedArrayElement([
    { value: 'en', weight: 82 },
    { value: 'es', weight: 11 },
    { value: 'vi', weight: 2 },
    { value: 'zh', weight: 2 },
    { value: 'ru', weight: 1 },
    { value: 'ar', weight: 1 },
    { value: 'so', weight: 1 },
  ]);
  if (patient.preferredLanguage !== 'en') patient.interpreterNeeded = faker.datatype.boolean(0.6);
}

function demoParent(
  faker: Faker,
  familyName: string,
  address: Address | undefined,
  age: number,
): Subscriber {
  const parentAge = Math.max(age, 0) + faker.number.int({ min: 20, max: 40 });
  const year = Number(DEMO_AGE_REFERENCE.slice(0, 4)) - parentAge;
  return {
    givenName: faker.person.firstName(),
    familyName: faker.datatype.boolean(0.85) ? familyName : faker.person.lastName(),
    dateOfBirth: isoDate(faker.date.between({ from: `${year}-01-01T00:00:00Z`, to: `${year}-12-28T00:00:00Z` })), // prettier-ignore
    address: address ?? demoAddress(faker),
  };
}

function demoCoverage(
  faker: Faker,
  age: number,
  registered: string,
  parent: Subscriber | undefined,
): Patient['coverage'] {
  const year = Number(registered.slice(0, 4));
  const period = (plan: CoveragePlan): CoveragePlan => {
    plan.effectiveDate = `${faker.number.int({ min: year - 6, max: year })}-${faker.helpers.arrayElement(['01', '04', '07', '10'])}-01`; // prettier-ignore
    if (faker.datatype.boolean(0.1)) plan.endDate = `${year + 1}-12-31`;
    return plan;
  };
  const commercial = (): CoveragePlan => {
    const [payerName, plans] = faker.helpers.arrayElement(COMMERCIAL_PAYERS);
    const plan: CoveragePlan = {
      payerType: 'commercial',
      payerName,
      planName: faker.helpers.arrayElement(plans),
      memberId: `${faker.string.alpha({ length: 3, casing: 'upper' })}${faker.string.numeric(9)}`,
      groupNumber: `G${faker.string.numeric(5)}`,
      relationship: 'self',
      copayCents: faker.helpers.arrayElement([1000, 2000, 2500, 3000, 4000, 5000]),
    };
    if (parent) {
      plan.relationship = 'child';
      plan.subscriber = parent;
    } else if (age >= 18 && faker.datatype.boolean(0.15)) {
      plan.relationship = 'spouse';
      plan.subscriber = { givenName: faker.person.firstName(), familyName: faker.person.lastName(), dateOfBirth: isoDate(faker.date.birthdate({ min: 25, max: 70, mode: 'age' })) }; // prettier-ignore
      plan.subscriber.address = demoAddress(faker);
    }
    return period(plan);
  };
  const medicaid = (): CoveragePlan =>
    period({ payerType: 'medicaid', payerName: 'Oregon Health Plan (Medicaid)', memberId: faker.string.alphanumeric({ length: 10, casing: 'upper' }), relationship: 'self' }); // prettier-ignore
  const medicare = (): CoveragePlan =>
    period({ payerType: 'medicare', payerName: 'Medicare', planName: 'Part B', memberId: fictionalMbi(faker), relationship: 'self' }); // prettier-ignore

  if (age >= 65) {
    const secondary = faker.helpers.weightedArrayElement([
      { value: 'none', weight: 45 },
      { value: 'commercial', weight: 40 },
      { value: 'medicaid', weight: 15 },
    ]);
    if (secondary === 'none') return { primary: medicare() };
    return { primary: medicare(), secondary: secondary === 'medicaid' ? medicaid() : commercial() };
  }
  const kind = faker.helpers.weightedArrayElement([
    { value: 'commercial', weight: 62 },
    { value: 'medicaid', weight: 24 },
    { value: 'self-pay', weight: 8 },
    { value: 'other', weight: 2 },
    { value: 'none', weight: 4 },
  ]);
  if (kind === 'none') return undefined;
  if (kind === 'self-pay') return { primary: { payerType: 'self-pay' } };
  if (kind === 'other')
    return { primary: period({ payerType: 'other', payerName: 'Workers’ Compensation Board', memberId: `WC-${faker.string.numeric(8)}`, relationship: 'self' }) }; // prettier-ignore
  const primary = kind === 'medicaid' ? medicaid() : commercial();
  if (kind === 'commercial' && faker.datatype.boolean(0.08))
    return { primary, secondary: commercial() };
  return { primary };
}

function consents(faker: Faker, patient: Patient, registered: string, insured: boolean) {
  const roll = faker.number.float();
  if (roll < 0.9)
    patient.privacyNotice = { status: 'acknowledged', version: NOTICE_VERSION, date: registered, method: faker.helpers.arrayElement(['signed-tablet', 'signed-paper', 'email-receipt'] as const) }; // prettier-ignore
  else if (roll < 0.95)
    patient.privacyNotice = { status: 'not-obtained', version: NOTICE_VERSION, date: registered, effort: 'Offered at check-in and again at checkout', reason: faker.helpers.arrayElement(['Patient declined to sign', 'Patient left before signing', 'Seen by phone; copy mailed']) }; // prettier-ignore
  if (faker.datatype.boolean(0.8)) {
    patient.communication = { voicemail: faker.datatype.boolean(0.85), sms: faker.datatype.boolean(0.7), email: !!patient.email && faker.datatype.boolean(0.6), mail: true }; // prettier-ignore
    if (faker.datatype.boolean(0.2)) patient.communication.leaveMessageWith = faker.helpers.arrayElement(['Spouse', 'Either parent', 'Adult daughter', 'Anyone at home']); // prettier-ignore
  }
  const given = (version: string) => ({ status: 'granted' as const, version, date: registered });
  patient.consents = { treatment: given('4') };
  if (faker.datatype.boolean(0.85)) patient.consents['financial-policy'] = given('2025-01');
  if (insured && faker.datatype.boolean(0.85))
    patient.consents['assignment-of-benefits'] = given('3');
  if (faker.datatype.boolean(0.3)) patient.consents.telehealth = { ...given('2'), status: faker.datatype.boolean(0.85) ? 'granted' : 'refused' }; // prettier-ignore
  if (faker.datatype.boolean(0.4)) patient.consents['hie-sharing'] = { ...given('1'), status: faker.datatype.boolean(0.8) ? 'granted' : 'refused' }; // prettier-ignore
}

function demoAddress(faker: Faker): Address {
  const address: Address = {
    line1: faker.location.streetAddress(),
    city: faker.location.city(),
    // A practice draws mostly on its own state.
    state: faker.datatype.boolean(0.8) ? DEMO_HOME_STATE : faker.helpers.arrayElement(US_STATES),
    postalCode: faker.location.zipCode('#####'),
  };
  if (faker.datatype.boolean(0.15)) address.line2 = faker.location.secondaryAddress();
  return address;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function entryKey(faker: Faker): string {
  return faker.string.alphanumeric(16);
}

/** E.164 `+1 NPA 555 01XX`: a NANP area code with a number reserved for fiction. */
function fictionalPhone(faker: Faker): string {
  const areaCode = `${faker.number.int({ min: 2, max: 9 })}${faker.string.numeric(2)}`;
  return `+1${areaCode}55501${faker.string.numeric(2)}`;
}

/** A well-formed MBI (11 characters, no S, L, O, I, B, Z) that belongs to nobody. */
function fictionalMbi(faker: Faker): string {
  const letter = () => faker.helpers.arrayElement([...'ACDEFGHJKMNPQRTUVWXY']);
  const digit = () => faker.string.numeric(1);
  const either = () => (faker.datatype.boolean() ? letter() : digit());
  const first = String(faker.number.int({ min: 1, max: 9 }));
  return `${first}${letter()}${either()}${digit()}${letter()}${either()}${digit()}${letter()}${letter()}${digit()}${digit()}`;
}

/** A 10-digit NPI with a valid check digit (Luhn over the 80840 prefix), starting with 9. */
function fictionalNpi(faker: Faker): string {
  const body = `9${faker.string.numeric(8)}`;
  const digits = `80840${body}`.split('').map(Number).reverse();
  const sum = digits.reduce((total, d, i) => {
    if (i % 2 === 1) return total + d;
    const doubled = d * 2;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}
