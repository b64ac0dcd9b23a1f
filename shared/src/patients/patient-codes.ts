/**
 * The coded answers of the registration record, with the words staff read. Self-reported
 * answers (gender identity, pronouns, race, ethnicity) always allow "declined": a patient who
 * chose not to answer is recorded as such, which is different from never having been asked.
 */

export { type Sex, SEX_LABELS, SEXES } from './sex.ts';

/** US states, DC and territories (USPS codes). */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA',
  'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM',
  'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA',
  'WV', 'WI', 'WY', 'AS', 'GU', 'MP', 'PR', 'VI',
] as const; // prettier-ignore

/** Gender identity (USCDI; SNOMED-based answer list), self-reported. */
export const GENDER_IDENTITIES = ['female', 'male', 'nonbinary', 'transgender-female', 'transgender-male', 'other', 'declined'] as const; // prettier-ignore
export type GenderIdentity = (typeof GENDER_IDENTITIES)[number];
export const GENDER_IDENTITY_LABELS: Record<GenderIdentity, string> = {
  female: 'Female',
  male: 'Male',
  nonbinary: 'Nonbinary',
  'transgender-female': 'Transgender woman',
  'transgender-male': 'Transgender man',
  other: 'Another identity',
  declined: 'Chose not to answer',
};

export const PRONOUNS = ['she-her', 'he-him', 'they-them', 'other', 'declined'] as const;
export type Pronouns = (typeof PRONOUNS)[number];
export const PRONOUN_LABELS: Record<Pronouns, string> = {
  'she-her': 'she/her',
  'he-him': 'he/him',
  'they-them': 'they/them',
  other: 'Other pronouns',
  declined: 'Chose not to answer',
};

/** OMB minimum race categories (US Core race extension); several may apply. */
export const RACES = ['american-indian-alaska-native', 'asian', 'black-african-american', 'native-hawaiian-pacific-islander', 'white', 'declined'] as const; // prettier-ignore
export type Race = (typeof RACES)[number];
export const RACE_LABELS: Record<Race, string> = {
  'american-indian-alaska-native': 'American Indian or Alaska Native',
  asian: 'Asian',
  'black-african-american': 'Black or African American',
  'native-hawaiian-pacific-islander': 'Native Hawaiian or Other Pacific Islander',
  white: 'White',
  declined: 'Chose not to answer',
};

/** OMB ethnicity categories (US Core ethnicity extension). */
export const ETHNICITIES = ['hispanic-latino', 'not-hispanic-latino', 'declined'] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];
export const ETHNICITY_LABELS: Record<Ethnicity, string> = {
  'hispanic-latino': 'Hispanic or Latino',
  'not-hispanic-latino': 'Not Hispanic or Latino',
  declined: 'Chose not to answer',
};

/**
 * Languages a US front desk meets most (Census ACS top languages), by BCP 47 code. The stored
 * value is the code, so a language added here later needs no migration.
 */
export const LANGUAGE_LABELS: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  zh: 'Chinese',
  vi: 'Vietnamese',
  tl: 'Tagalog',
  ar: 'Arabic',
  fr: 'French',
  ko: 'Korean',
  ru: 'Russian',
  ht: 'Haitian Creole',
  pt: 'Portuguese',
  de: 'German',
  hi: 'Hindi',
  pl: 'Polish',
  it: 'Italian',
  ja: 'Japanese',
  fa: 'Persian',
  ur: 'Urdu',
  bn: 'Bengali',
  so: 'Somali',
  ase: 'American Sign Language',
};
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const PHONE_TYPES = ['mobile', 'home', 'work'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];
export const PHONE_TYPE_LABELS: Record<PhoneType, string> = {
  mobile: 'Mobile',
  home: 'Home',
  work: 'Work',
};

/** How a contact, guarantor or subscriber is related to the patient. */
export const RELATIONSHIPS = ['spouse', 'partner', 'parent', 'child', 'sibling', 'grandparent', 'legal-guardian', 'caregiver', 'friend', 'other'] as const; // prettier-ignore
export type Relationship = (typeof RELATIONSHIPS)[number];
export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  spouse: 'Spouse',
  partner: 'Partner',
  parent: 'Parent',
  child: 'Child',
  sibling: 'Sibling',
  grandparent: 'Grandparent',
  'legal-guardian': 'Legal guardian',
  caregiver: 'Caregiver',
  friend: 'Friend',
  other: 'Other',
};
