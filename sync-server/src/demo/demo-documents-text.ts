import type { Faker } from '@faker-js/faker';

/** What the generated documents say of their patient (all synthetic, from the demo patients). */
export type DemoPatientFacts = {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  chartNumber?: string | undefined;
};

/** A kind of paper the demo clinic has on file, and how its pages read. */
export type DemoPaper = {
  type: string;
  category: string;
  correspondent?: string;
  tags?: string[];
  title: (patient: DemoPatientFacts | undefined) => string;
  pages: (faker: Faker, patient: DemoPatientFacts | undefined, date: string) => string[][];
};

const LABS = ['Cedar Valley Laboratory', 'Mount Alder Diagnostics'] as const;
const HOSPITALS = ['Riverbend General Hospital', 'Lakeshore Community Hospital'] as const;
const us = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const who = (p: DemoPatientFacts | undefined) =>
  p ? [`Patient: ${p.givenName} ${p.familyName}`, `Date of birth: ${us(p.dateOfBirth)}`, `Chart: ${p.chartNumber ?? 'not assigned'}`] : []; // prettier-ignore

export const DEMO_CORRESPONDENTS = [
  { name: LABS[0], correspondentType: 'lab' },
  { name: LABS[1], correspondentType: 'lab' },
  { name: HOSPITALS[0], correspondentType: 'hospital' },
  { name: HOSPITALS[1], correspondentType: 'hospital' },
  { name: 'Cascade Mutual Health', correspondentType: 'payer' },
  { name: 'Prairie Health Plan', correspondentType: 'payer' },
  { name: 'Hollis & Marsh LLP', correspondentType: 'attorney' },
  { name: 'Brightline Medical Supply', correspondentType: 'vendor' },
] as const;

const TESTS = [
  ['Hemoglobin A1c', '%', 4.8, 9.5],
  ['Glucose, fasting', 'mg/dL', 70, 180],
  ['LDL cholesterol', 'mg/dL', 60, 190],
  ['TSH', 'mIU/L', 0.4, 6.5],
  ['Creatinine', 'mg/dL', 0.6, 1.6],
] as const;

/** The papers of the demo clinic, in rough proportion to a small practice's files. */
export const DEMO_PAPERS: readonly DemoPaper[] = [
  {
    type: 'Lab result',
    category: 'Labs',
    correspondent: LABS[0],
    title: () => `Lab results — ${LABS[0]}`,
    pages: (faker, p, date) => [
      [LABS[0], 'Laboratory report', ...who(p), `Collected: ${us(date)}`, '',
        ...faker.helpers.arrayElements(TESTS, 3).map(([name, unit, low, high]) =>
          `${name}: ${faker.number.float({ min: low, max: high, fractionDigits: 1 })} ${unit}`),
        '', 'Results reviewed by the ordering provider.'], // prettier-ignore
    ],
  },
  {
    type: 'Imaging report',
    category: 'Imaging',
    correspondent: LABS[1],
    title: () => `Imaging report — ${LABS[1]}`,
    pages: (faker, p, date) => [
      [LABS[1], 'Radiology report', ...who(p), `Study date: ${us(date)}`, '',
        `Exam: ${faker.helpers.arrayElement(['Chest X-ray, two views', 'Ultrasound, abdomen', 'X-ray, left wrist'])}`,
        'Findings: no acute abnormality identified.', 'Impression: normal study.'], // prettier-ignore
    ],
  },
  {
    type: 'Hospital discharge summary',
    category: 'Hospital records',
    correspondent: HOSPITALS[0],
    title: () => `Discharge summary — ${HOSPITALS[0]}`,
    pages: (faker, p, date) => [
      [HOSPITALS[0], 'Discharge summary', ...who(p), `Discharged: ${us(date)}`, '',
        `Admitted for ${faker.helpers.arrayElement(['pneumonia', 'dehydration', 'a fall at home', 'chest pain, ruled out'])}.`,
        'Condition at discharge: stable.'], // prettier-ignore
      ['Follow-up', 'See primary care within 7 days.', 'Medication changes are listed on the attached sheet.'], // prettier-ignore
    ],
  },
  {
    type: 'Referral letter',
    category: 'Referrals',
    title: () => 'Referral letter',
    pages: (faker, p, date) => [
      [`Date: ${us(date)}`, 'Re: referral', ...who(p), '',
        `Thank you for seeing this patient for ${faker.helpers.arrayElement(['knee pain', 'persistent cough', 'skin lesion evaluation', 'hearing loss'])}.`,
        'Recent notes and results are enclosed.'], // prettier-ignore
    ],
  },
  {
    type: 'EOB',
    category: 'EOBs & payer letters',
    correspondent: 'Cascade Mutual Health',
    tags: ['Needs review'],
    title: () => 'Explanation of benefits — Cascade Mutual Health',
    pages: (faker, p, date) => [
      ['Cascade Mutual Health', 'Explanation of benefits', ...who(p), `Processed: ${us(date)}`,
        `Claim number: CMH-${faker.string.numeric(9)}`,
        `Billed: $${faker.number.int({ min: 90, max: 600 })}.00`,
        `Patient responsibility: $${faker.number.int({ min: 0, max: 60 })}.00`,
        'This is not a bill.'], // prettier-ignore
    ],
  },
  {
    type: 'Signed consent',
    category: 'Signed forms & consents',
    title: () => 'Signed consent for treatment',
    pages: (_faker, p, date) => [
      ['Consent for treatment', ...who(p), `Signed: ${us(date)}`, '',
        'I consent to examination and treatment by the practice.', 'Signature on file.'], // prettier-ignore
    ],
  },
  {
    type: 'Consultation note',
    category: 'Behavioral health',
    title: () => 'Behavioral health consultation',
    pages: (faker, p, date) => [
      ['Behavioral health consultation', ...who(p), `Seen: ${us(date)}`, '',
        `Reason: ${faker.helpers.arrayElement(['follow-up', 'initial evaluation', 'medication review'])}.`,
        'Plan discussed with the patient.'], // prettier-ignore
    ],
  },
];

/** The practice's own papers: no patient, an expiry date to be reminded of. */
export const DEMO_PRACTICE_PAPERS = [
  { title: 'Business associate agreement — Brightline Medical Supply', type: 'BAA', category: 'Business associate agreements', correspondent: 'Brightline Medical Supply', expiresInDays: 30 }, // prettier-ignore
  {
    title: 'Lease for the clinic premises',
    type: 'Contract',
    category: 'Contracts',
    expiresInDays: 200,
  },
  {
    title: 'CLIA certificate of waiver',
    type: 'Licence',
    category: 'Licences & permits',
    expiresInDays: 75,
  },
  {
    title: 'Professional liability policy',
    type: 'Insurance policy',
    category: 'Insurance policies',
    expiresInDays: 320,
  },
] as const;
