import { isoToForm } from './coverage-form.ts';
import type { FormReader } from './form-reader.ts';
import { RELATIONSHIPS } from './patient-codes.ts';
import type { EmergencyContact, Guarantor, Patient, Pharmacy, Provider } from './patient.schema.ts';

type ContactsPart = Pick<
  Patient,
  'emergencyContacts' | 'guarantor' | 'employer' | 'primaryCareProvider' | 'referringProvider' | 'preferredPharmacy'
>; // prettier-ignore

/**
 * Reads emergency contacts, the guarantor, employer and care team. A guarantor is required for a
 * minor (`isMinor`): a minor cannot be responsible for their own bill, and their parent or
 * guardian is their personal representative under HIPAA.
 */
export function readContacts(
  r: FormReader,
  context: { today: string; isMinor: boolean },
): ContactsPart {
  return {
    emergencyContacts: readEmergencyContacts(r),
    guarantor: readGuarantor(r, context),
    employer: r.text('employer.name')
      ? { name: r.raw('employer.name'), ...optional('occupation', r.text('employer.occupation')) }
      : requireName(r, 'employer', ['employer.occupation'], "Enter the employer's name"),
    primaryCareProvider: readProvider(r, 'pcp', "Enter the primary-care provider's name"),
    referringProvider: readProvider(r, 'referring', "Enter the referring provider's name"),
    preferredPharmacy: readPharmacy(r),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** A part where only the details were typed: the name it belongs to is missing. */
function requireName(r: FormReader, prefix: string, details: string[], message: string): undefined {
  if (r.any(...details)) r.fail(`${prefix}.name`, message);
  return undefined;
}

function readEmergencyContacts(r: FormReader): Record<string, EmergencyContact> | undefined {
  const contacts: Record<string, EmergencyContact> = {};
  for (const key of r.rowKeys('contacts')) {
    const field = (part: string) => `contacts.${key}.${part}`;
    if (!r.any(field('name'), field('relationship'), field('phone'))) continue;
    const name = r.text(field('name'), "Enter the contact's name");
    const relationship = r.choice(
      field('relationship'),
      RELATIONSHIPS,
      'Choose how they are related',
    );
    const phone = r.phone(field('phone'), "Enter the contact's phone number");
    if (name && relationship && phone) contacts[key] = { name, relationship, phone };
  }
  return Object.keys(contacts).length > 0 ? contacts : undefined;
}

function readGuarantor(
  r: FormReader,
  context: { today: string; isMinor: boolean },
): Guarantor | undefined {
  const parts = ['givenName', 'familyName', 'relationship', 'dateOfBirth', 'phone', 'authority'];
  if (!r.any(...parts.map((p) => `guarantor.${p}`))) {
    if (context.isMinor)
      r.fail('guarantor.givenName', 'A patient under 18 needs a parent or guardian as guarantor');
    return undefined;
  }
  const givenName = r.text('guarantor.givenName', "Enter the guarantor's first name");
  const familyName = r.text('guarantor.familyName', "Enter the guarantor's last name");
  const relationship = r.choice('guarantor.relationship', RELATIONSHIPS, 'Choose how the guarantor is related'); // prettier-ignore
  const dateOfBirth = r.date('guarantor.dateOfBirth', { notAfter: context.today, label: 'date of birth' }); // prettier-ignore
  const phone = r.phone('guarantor.phone');
  const personalRepresentative = r.yesNo('guarantor.personalRepresentative');
  const authority = r.text('guarantor.authority');
  if (!givenName || !familyName || !relationship) return undefined;
  return {
    givenName,
    familyName,
    relationship,
    ...optional('dateOfBirth', dateOfBirth),
    ...optional('phone', phone),
    ...optional('personalRepresentative', personalRepresentative),
    ...optional('authority', authority),
  };
}

function readProvider(r: FormReader, prefix: string, message: string): Provider | undefined {
  const name = r.text(`${prefix}.name`);
  const npi = r.text(`${prefix}.npi`);
  if (npi && !/^\d{10}$/.test(npi)) r.fail(`${prefix}.npi`, 'An NPI has 10 digits');
  const phone = r.phone(`${prefix}.phone`);
  if (!name) return requireName(r, prefix, [`${prefix}.npi`, `${prefix}.phone`], message);
  return {
    name,
    ...optional('npi', npi && /^\d{10}$/.test(npi) ? npi : undefined),
    ...optional('phone', phone),
  };
}

function readPharmacy(r: FormReader): Pharmacy | undefined {
  const name = r.text('pharmacy.name');
  const phone = r.phone('pharmacy.phone');
  const location = r.text('pharmacy.location');
  if (!name)
    return requireName(r, 'pharmacy', ['pharmacy.phone', 'pharmacy.location'], "Enter the pharmacy's name"); // prettier-ignore
  return { name, ...optional('phone', phone), ...optional('location', location) };
}

/** The stored contacts and care team back into form fields. */
export function contactsToForm(patient: Partial<Patient>): Record<string, string> {
  const fields: Record<string, string | undefined> = {};
  for (const [key, contact] of Object.entries(patient.emergencyContacts ?? {})) {
    fields[`contacts.${key}.name`] = contact.name;
    fields[`contacts.${key}.relationship`] = contact.relationship;
    fields[`contacts.${key}.phone`] = contact.phone;
  }
  const g = patient.guarantor;
  if (g) {
    fields['guarantor.givenName'] = g.givenName;
    fields['guarantor.familyName'] = g.familyName;
    fields['guarantor.relationship'] = g.relationship;
    fields['guarantor.dateOfBirth'] = g.dateOfBirth && isoToForm(g.dateOfBirth);
    fields['guarantor.phone'] = g.phone;
    fields['guarantor.personalRepresentative'] =
      g.personalRepresentative === undefined ? undefined : g.personalRepresentative ? 'yes' : 'no';
    fields['guarantor.authority'] = g.authority;
  }
  fields['employer.name'] = patient.employer?.name;
  fields['employer.occupation'] = patient.employer?.occupation;
  for (const [prefix, provider] of [
    ['pcp', patient.primaryCareProvider],
    ['referring', patient.referringProvider],
  ] as const) {
    fields[`${prefix}.name`] = provider?.name;
    fields[`${prefix}.npi`] = provider?.npi;
    fields[`${prefix}.phone`] = provider?.phone;
  }
  fields['pharmacy.name'] = patient.preferredPharmacy?.name;
  fields['pharmacy.phone'] = patient.preferredPharmacy?.phone;
  fields['pharmacy.location'] = patient.preferredPharmacy?.location;
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
