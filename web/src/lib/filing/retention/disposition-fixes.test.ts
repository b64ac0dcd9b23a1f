import { retentionEnds } from '@clinicdesk/shared/filing/retention/retention-ends.ts';
import { describe, expect, it } from 'vitest';
import { fixFor } from './disposition-fixes.ts';

const DOCUMENT = '019d0000-0000-7000-8000-000000000001';
const PATIENT = '019d0000-0000-7000-8000-000000000002';

/** The words the server lists a document with, from the same rule it judges by. */
function missingWords(rule: Parameters<typeof retentionEnds>[0], facts: object): string {
  const end = retentionEnds(rule, facts);
  if (end.computable) throw new Error('expected a missing fact');
  return end.message;
}

describe('fixFor', () => {
  it('sends a document without a date to its own page', () => {
    const missing = missingWords({ basis: 'document-date', years: 6 }, {});
    expect(fixFor({ id: DOCUMENT, patientId: PATIENT, missing })).toEqual({
      href: `/filing/documents/${DOCUMENT}`,
      label: 'Add the document date',
    });
  });

  it('sends a missing date of birth to the patient’s chart', () => {
    const missing = missingWords(
      { basis: 'age-of-majority', years: 10 },
      { documentDate: '2010-01-01' },
    );
    expect(fixFor({ id: DOCUMENT, patientId: PATIENT, missing })).toEqual({
      href: `/patients/${PATIENT}`,
      label: 'Add the patient’s date of birth',
    });
  });

  it('sends a missing last visit to the patient’s chart', () => {
    const missing = missingWords(
      { basis: 'last-visit', years: 10 },
      { documentDate: '2010-01-01' },
    );
    expect(fixFor({ id: DOCUMENT, patientId: PATIENT, missing }).href).toBe(`/patients/${PATIENT}`);
  });

  it('falls back to the document when there is no patient to open', () => {
    expect(fixFor({ id: DOCUMENT, missing: 'The patient has no recorded visit' }).href).toBe(
      `/filing/documents/${DOCUMENT}`,
    );
  });
});
