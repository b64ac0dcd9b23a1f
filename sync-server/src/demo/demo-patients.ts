import { base, en, en_US, Faker } from '@faker-js/faker';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { US_STATES, type Patient, type Sex } from '@clinicdesk/shared/patients/patient.schema.ts';
import { validateWireDocument } from '@clinicdesk/shared/sync/collections.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';

export const DEMO_PATIENT_SEED = 2026;
const DEMO_HOME_STATE = 'OR';
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Synthetic patients for the demo clinic, the same people on every run (fixed seed); only their
 * registration times follow `now`. Phones are in the 555-0100…0199 range, which is reserved
 * for fiction, and emails are at the reserved example.com/.net/.org domains.
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

  const patient: Patient = {
    id: uuidv7(createdAt.getTime(), idBytes),
    givenName,
    familyName,
    dateOfBirth: faker.date
      .between({ from: '1930-01-01T00:00:00Z', to: '2024-12-31T00:00:00Z' })
      .toISOString()
      .slice(0, 10),
    sex,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
  if (faker.datatype.boolean(0.3)) patient.middleName = faker.person.middleName(nameSex);
  if (faker.datatype.boolean(0.9)) patient.phone = fictionalPhone(faker);
  if (faker.datatype.boolean(0.7))
    patient.email = faker.internet
      .email({
        firstName: givenName,
        lastName: familyName,
        provider: faker.helpers.arrayElement(['example.com', 'example.net', 'example.org']),
      })
      .toLowerCase();
  if (faker.datatype.boolean(0.95)) {
    patient.address = {
      line1: faker.location.streetAddress(),
      city: faker.location.city(),
      // A practice draws mostly on its own state.
      state: faker.datatype.boolean(0.8) ? DEMO_HOME_STATE : faker.helpers.arrayElement(US_STATES),
      postalCode: faker.location.zipCode('#####'),
    };
    if (faker.datatype.boolean(0.15)) patient.address.line2 = faker.location.secondaryAddress();
  }
  return patient;
}

/** E.164 `+1 NPA 555 01XX`: a NANP area code with a number reserved for fiction. */
function fictionalPhone(faker: Faker): string {
  const areaCode = `${faker.number.int({ min: 2, max: 9 })}${faker.string.numeric(2)}`;
  return `+1${areaCode}55501${faker.string.numeric(2)}`;
}
