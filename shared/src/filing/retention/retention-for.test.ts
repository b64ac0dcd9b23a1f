import { describe, expect, it } from 'vitest';
import type { ScopedRetentionRule } from './applicable-retention.ts';
import { retentionFor } from './retention-for.ts';

const clinical: ScopedRetentionRule = {
  id: 'r-clinical',
  categoryId: 'clinical',
  basis: 'document-date',
  years: 7,
};
const labs: ScopedRetentionRule = {
  id: 'r-labs',
  categoryId: 'labs',
  basis: 'document-date',
  years: 10,
};
const labReport: ScopedRetentionRule = {
  id: 'r-type',
  documentTypeId: 'lab-report',
  basis: 'document-date',
  years: 3,
};
const labsChain = ['labs', 'outside-records', 'clinical'];
const facts = { documentDate: '2020-03-01', lastVisit: '2024-01-01' };

describe('retentionFor', () => {
  it('takes the document type over its category, and its category over the ancestors', () => {
    const rules = [clinical, labs, labReport];
    expect(
      retentionFor({ documentTypeId: 'lab-report', categoryChain: labsChain }, facts, rules),
    ).toMatchObject({
      status: 'ends',
      endsOn: '2023-03-01',
      rule: labReport,
      level: { level: 'document-type', documentTypeId: 'lab-report' },
    });
    expect(retentionFor({ categoryChain: labsChain }, facts, rules)).toMatchObject({
      rule: labs,
      level: { level: 'category', categoryId: 'labs' },
    });
    expect(
      retentionFor({ categoryChain: ['outside-records', 'clinical'] }, facts, rules),
    ).toMatchObject({
      rule: clinical,
      level: { level: 'category', categoryId: 'clinical' },
    });
  });

  it('applies a type rule limited to a category only under that category', () => {
    const inClinical = { ...labReport, categoryId: 'clinical' };
    expect(
      retentionFor({ documentTypeId: 'lab-report', categoryChain: ['personnel'] }, facts, [
        inClinical,
      ]),
    ).toEqual({
      status: 'no-rule',
    });
    expect(
      retentionFor({ documentTypeId: 'lab-report', categoryChain: labsChain }, facts, [inClinical]),
    ).toMatchObject({
      rule: inClinical,
    });
  });

  it('keeps, of two rules at one level, the one that ends last', () => {
    const lastVisit: ScopedRetentionRule = {
      id: 'r-visit',
      categoryId: 'labs',
      basis: 'last-visit',
      years: 7,
    };
    expect(retentionFor({ categoryChain: labsChain }, facts, [labs, lastVisit])).toMatchObject({
      endsOn: '2031-01-01',
      rule: lastVisit,
    });
  });

  it('says it cannot compute when any rule at the level lacks its fact', () => {
    const minors: ScopedRetentionRule = {
      id: 'r-minors',
      categoryId: 'labs',
      basis: 'age-of-majority',
      years: 7,
    };
    expect(retentionFor({ categoryChain: labsChain }, facts, [labs, minors])).toMatchObject({
      status: 'cannot-compute',
      rule: minors,
      missing: 'date-of-birth',
    });
  });

  it('ignores archived rules, and says when nothing reaches the document', () => {
    expect(
      retentionFor({ categoryChain: labsChain }, facts, [{ ...labs, archived: true }, clinical]),
    ).toMatchObject({
      rule: clinical,
    });
    expect(retentionFor({ categoryChain: ['contracts'] }, facts, [labs])).toEqual({
      status: 'no-rule',
    });
  });
});
