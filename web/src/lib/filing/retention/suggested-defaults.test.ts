import { starterFilingRecords } from '@clinicdesk/shared/filing/starter-tree.ts';
import { describe, expect, it } from 'vitest';
import { categoryLabel, byId } from '../documents/category-tree.ts';
import { matchCategory, slugOf, suggestDefaults, suggestedRuleName } from './suggested-defaults.ts';

let counter = 0;
const { categories } = starterFilingRecords({
  newId: () => `019d0000-0000-7000-8000-${String(++counter).padStart(12, '0')}`,
  now: '2026-03-02T09:00:00.000Z',
  editor: { userId: 'u1', name: 'Mara Office', deviceId: '019d0000-0000-7000-8000-00000000ffff' },
});
const pathOf = (id: string | undefined) => (id ? categoryLabel(id, byId(categories)) : undefined);

describe('slugOf', () => {
  it('reads names as the defaults’ slugs', () => {
    expect(slugOf('Personnel files')).toBe('personnel-files');
    expect(slugOf('HIV & sexual health')).toBe('hiv-and-sexual-health');
    expect(slugOf('Administrative › Insurance cards')).toBe('administrative-insurance-cards');
    expect(slugOf('Licences & permits')).toBe('licences-and-permits');
    expect(slugOf('Évaluations')).toBe('evaluations');
  });
});

describe('suggestDefaults on the starter tree', () => {
  const suggested = suggestDefaults(categories, []);
  const placed = Object.fromEntries(suggested.map((s) => [s.slug, pathOf(s.categoryId)]));

  it('places each default on the category its name reads as', () => {
    expect(placed).toEqual({
      clinical: 'Clinical',
      'administrative-insurance': 'Administrative › Insurance cards',
      'administrative-hipaa': undefined,
      contracts: 'Practice › Contracts',
      personnel: 'Personnel files',
      'personnel-training': undefined,
      'personnel-exposure': undefined,
    });
  });

  it('keeps every default’s source to show beside it', () => {
    for (const suggestion of suggested) expect(suggestion.source.length).toBeGreaterThan(20);
  });

  it('names the rules of a default with two by their basis', () => {
    const clinical = suggested.find((s) => s.slug === 'clinical');
    if (!clinical) throw new Error('no clinical default');
    expect(clinical.rules.map((rule) => suggestedRuleName(clinical, rule))).toEqual([
      'Patient records (from the last visit)',
      'Patient records (minors, from coming of age)',
    ]);
  });

  it('says when the category already has a rule of its own', () => {
    const clinicalId = matchCategory('clinical', categories);
    const marked = suggestDefaults(categories, [{ categoryId: clinicalId }]);
    expect(marked.find((s) => s.slug === 'clinical')?.alreadyRuled).toBe(true);
    const archived = suggestDefaults(categories, [{ categoryId: clinicalId, archived: true }]);
    expect(archived.find((s) => s.slug === 'clinical')?.alreadyRuled).toBe(false);
  });

  it('never proposes an archived category', () => {
    const without = categories.map((c) => (c.name === 'Contracts' ? { ...c, archived: true } : c));
    expect(matchCategory('contracts', without)).toBeUndefined();
  });

  it('prefers a category named exactly so over one that begins so', () => {
    const exact = { id: 'x-personnel', name: 'Personnel' };
    expect(matchCategory('personnel', [...categories, exact])).toBe('x-personnel');
  });
});
