import { CONSENT_KIND_LABELS, CONSENT_KINDS } from './consents.schema.ts';
import { COVERAGE_ORDER_LABELS, COVERAGE_ORDERS } from './coverage.schema.ts';
import { PLAN_FIELDS } from './coverage-form.ts';
import { formRowKeys, type PatientForm } from './form-reader.ts';

const ADDRESS = { line1: 'street address', line2: 'apartment, suite', city: 'city', state: 'state', postalCode: 'ZIP code' }; // prettier-ignore
const PLAN: Record<(typeof PLAN_FIELDS)[number], string> = {
  payerType: 'payer type',
  payerName: 'insurance company',
  planName: 'plan name',
  memberId: 'member id',
  groupNumber: 'group number',
  relationship: 'patient is the subscriber’s',
  'subscriber.givenName': 'subscriber first name',
  'subscriber.familyName': 'subscriber last name',
  'subscriber.dateOfBirth': 'subscriber date of birth',
  'subscriber.sex': 'subscriber sex',
  'subscriber.sameAddress': 'subscriber address',
  'subscriber.line1': 'subscriber street address',
  'subscriber.line2': 'subscriber apartment, suite',
  'subscriber.city': 'subscriber city',
  'subscriber.state': 'subscriber state',
  'subscriber.postalCode': 'subscriber ZIP code',
  effectiveDate: 'effective date',
  endDate: 'end date',
  copay: 'copay',
  cardFront: 'card front',
  cardBack: 'card back',
};

/**
 * Labels of the form's fields in the order the form shows them, for the error summary (which
 * lists problems in form order and links each to its field).
 */
export function patientFormLabels(form: PatientForm): Record<string, string> {
  const labels: [string, string][] = [
    ['givenName', 'First name'],
    ['middleName', 'Middle name'],
    ['familyName', 'Last name'],
    ['suffix', 'Suffix'],
    ['preferredName', 'Preferred name'],
    ['dateOfBirth', 'Date of birth'],
    ['sex', 'Administrative sex'],
    ...formRowKeys(form, 'previousNames').flatMap((key): [string, string][] => [
      [`previousNames.${key}.givenName`, 'Previous first name'],
      [`previousNames.${key}.familyName`, 'Previous last name'],
      [`previousNames.${key}.until`, 'Previous name used until'],
    ]),
    ['genderIdentity', 'Gender identity'],
    ['genderIdentityText', 'Gender identity in own words'],
    ['pronouns', 'Pronouns'],
    ['pronounsText', 'Pronouns in own words'],
    ['race', 'Race'],
    ['ethnicity', 'Ethnicity'],
    ['preferredLanguage', 'Preferred language'],
    ['interpreterNeeded', 'Interpreter needed'],
    ['mobilePhone', 'Mobile phone'],
    ['homePhone', 'Home phone'],
    ['workPhone', 'Work phone'],
    ['preferredPhone', 'Preferred phone'],
    ['email', 'Email'],
    ...Object.entries(ADDRESS).map(([part, label]): [string, string] => [part, `Home ${label}`]),
    ...Object.entries(ADDRESS).map(([part, label]): [string, string] => [`mailing.${part}`, `Mailing ${label}`]), // prettier-ignore
    ...formRowKeys(form, 'contacts').flatMap((key): [string, string][] => [
      [`contacts.${key}.name`, 'Emergency contact name'],
      [`contacts.${key}.relationship`, 'Emergency contact relationship'],
      [`contacts.${key}.phone`, 'Emergency contact phone'],
    ]),
    ['guarantor.givenName', 'Guarantor first name'],
    ['guarantor.familyName', 'Guarantor last name'],
    ['guarantor.relationship', 'Guarantor relationship'],
    ['guarantor.dateOfBirth', 'Guarantor date of birth'],
    ['guarantor.phone', 'Guarantor phone'],
    ['guarantor.authority', 'Guarantor authority'],
    ['employer.name', 'Employer'],
    ['employer.occupation', 'Occupation'],
    ['pcp.name', 'Primary-care provider'],
    ['pcp.npi', 'Primary-care provider NPI'],
    ['pcp.phone', 'Primary-care provider phone'],
    ['referring.name', 'Referring provider'],
    ['referring.npi', 'Referring provider NPI'],
    ['referring.phone', 'Referring provider phone'],
    ['pharmacy.name', 'Pharmacy'],
    ['pharmacy.phone', 'Pharmacy phone'],
    ['pharmacy.location', 'Pharmacy location'],
    ...COVERAGE_ORDERS.flatMap((order) =>
      PLAN_FIELDS.map((field): [string, string] => [
        `${order}.${field}`,
        `${COVERAGE_ORDER_LABELS[order]} plan ${PLAN[field]}`,
      ]),
    ),
    ['npp.status', 'Privacy notice acknowledgment'],
    ['npp.version', 'Privacy notice version'],
    ['npp.date', 'Privacy notice date'],
    ['npp.method', 'Privacy notice method'],
    ['npp.effort', 'Good-faith effort'],
    ['npp.reason', 'Reason not obtained'],
    ['comm.leaveMessageWith', 'May leave a message with'],
    ...CONSENT_KINDS.flatMap((kind): [string, string][] => [
      [`consent.${kind}.status`, `${CONSENT_KIND_LABELS[kind]}: answer`],
      [`consent.${kind}.version`, `${CONSENT_KIND_LABELS[kind]}: version`],
      [`consent.${kind}.date`, `${CONSENT_KIND_LABELS[kind]}: date`],
      [`consent.${kind}.expires`, `${CONSENT_KIND_LABELS[kind]}: expires`],
    ]),
  ];
  return Object.fromEntries(labels);
}
