import { describe, expect, it } from 'vitest';
import { sectionsWithProblems } from './form-sections.ts';

describe('sectionsWithProblems', () => {
  it('lists the sections with problems in form order, each with its count and first field', () => {
    const errors = {
      'primary.memberId': 'Enter the member id',
      familyName: 'Enter the last name',
      givenName: 'Enter the first name',
      'primary.payerName': 'Enter the insurance company',
    };
    const order = ['givenName', 'familyName', 'primary.payerName', 'primary.memberId'];
    expect(sectionsWithProblems(errors, order)).toEqual([
      { id: 'identity', title: 'Identity', count: 2, firstField: 'givenName' },
      { id: 'coverage', title: 'Coverage', count: 2, firstField: 'primary.payerName' },
    ]);
    expect(sectionsWithProblems({})).toEqual([]);
  });
});
