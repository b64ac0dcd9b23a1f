import type { FieldErrors } from '@clinicdesk/shared/patients/patient-form.ts';

/** The registration form's sections, in order: their element ids are `section-<id>`. */
export const FORM_SECTIONS = [
  ['identity', 'Identity'],
  ['contact', 'Contact'],
  ['coverage', 'Coverage'],
  ['consents', 'Consents'],
  ['people', 'Contacts & care team'],
] as const;

export type FormSectionId = (typeof FORM_SECTIONS)[number][0];

/** Which section a field of the form belongs to, by its key. */
const SECTION_OF: Record<FormSectionId, RegExp> = {
  identity:
    /^(givenName|middleName|familyName|suffix|preferredName|dateOfBirth|sex|previousNames|genderIdentity|pronouns|race|ethnicity|preferredLanguage|interpreterNeeded)/,
  contact:
    /^(mobilePhone|homePhone|workPhone|preferredPhone|email|line|city|state|postalCode|mailing)/,
  coverage: /^(primary|secondary|tertiary)\./,
  consents: /^(npp|comm|consent)\./,
  people: /^(contacts|guarantor|employer|pcp|referring|pharmacy)\./,
};

export type SectionProblems = {
  id: FormSectionId;
  title: string;
  /** How many of its fields have a problem. */
  count: number;
  /** The first of them in form order (`order`), or in the errors' order: where a link goes. */
  firstField: string;
};

/**
 * The sections that hold problems, in form order, each with its count and first field, for the
 * jump bar and the action bar's summary. `order` is the form's field order (its labels' keys).
 */
export function sectionsWithProblems(
  errors: FieldErrors,
  order: readonly string[] = [],
): SectionProblems[] {
  const position = (key: string) => {
    const at = order.indexOf(key);
    return at === -1 ? order.length : at;
  };
  const keys = Object.keys(errors)
    .filter((key) => errors[key])
    .sort((a, b) => position(a) - position(b));
  return FORM_SECTIONS.flatMap(([id, title]) => {
    const mine = keys.filter((key) => SECTION_OF[id].test(key));
    const first = mine[0];
    return first === undefined ? [] : [{ id, title, count: mine.length, firstField: first }];
  });
}
