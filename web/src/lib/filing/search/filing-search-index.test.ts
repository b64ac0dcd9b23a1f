import { describe, expect, it } from 'vitest';
import { FilingSearchIndex } from './filing-search-index.ts';
import type { SearchFilters, SearchHit, SearchQuery } from './search-query.ts';
import { searchSetupOf, searchSourceOf, type SearchSetup } from './search-source.ts';
import {
  CATEGORY,
  CORRESPONDENT,
  DOCUMENTS,
  FIELD,
  filedDocument,
  id,
  PATIENT_OMAR,
  PATIENT_ZOE,
  SETUP,
  TAG,
  TYPE,
} from './fixtures/synthetic-filing.ts';

function practiceIndex(): FilingSearchIndex {
  const index = new FilingSearchIndex();
  for (const record of SETUP) index.putSetup(searchSetupOf(record)!);
  for (const doc of DOCUMENTS) index.put(searchSourceOf(doc));
  return index;
}

const query = (text: string, filters: SearchFilters = {}, more: Partial<SearchQuery> = {}) => ({
  text,
  filters,
  sort: 'relevance' as const,
  limit: 20,
  ...more,
});

const titles = (hits: SearchHit[]) => hits.map((hit) => hit.title);

/** The words a snippet marks, as the screen would show them. */
const marked = (hit: SearchHit | undefined) =>
  (hit?.matches ?? []).flatMap(({ snippet }) =>
    snippet.marks.map(([start, end]) => snippet.text.slice(start, end)),
  );

describe('FilingSearchIndex', () => {
  it('finds a word that is only on page 2 and says page 2', () => {
    const answer = practiceIndex().search(query('cholesterol'));
    expect(titles(answer.hits)).toEqual(['Lipid panel results']);
    const [hit] = answer.hits;
    expect(hit?.pages).toEqual([2]);
    expect(hit?.matches.map((match) => match.place)).toEqual([{ field: 'page', page: 2 }]);
    expect(marked(hit)).toEqual(['cholesterol']);
  });

  it('finds every word of the query, each where it is', () => {
    const [hit, ...others] = practiceIndex().search(query('zoe triglycerides')).hits;
    expect(others).toEqual([]);
    expect(hit?.title).toBe('Lipid panel results');
    expect(hit?.pages).toEqual([1, 2]);
    expect(marked(hit)).toEqual(['Zoë', 'Triglycerides']);
  });

  it('folds accents both ways: "Zoe" finds "Zoë", "okonkwó" finds "Okonkwo"', () => {
    const index = practiceIndex();
    expect(titles(index.search(query('Zoe Marchetti')).hits)).toEqual(['Lipid panel results']);
    expect(titles(index.search(query('okonkwó')).hits)).toEqual(['Referral to cardiology']);
  });

  it('forgives a typo in a name, and two in a long word', () => {
    const index = practiceIndex();
    expect(titles(index.search(query('Marchetty')).hits)).toEqual(['Lipid panel results']);
    expect(titles(index.search(query('Hadad')).hits)).toEqual(['Referral to cardiology']);
    expect(titles(index.search(query('echocardigoram')).hits)).toEqual(['Referral to cardiology']);
    // A short word must be typed as it is: "lop" is not "lip".
    expect(index.search(query('lop')).total).toBe(0);
  });

  it('finds a word as it is being typed (the start of a word)', () => {
    const hits = practiceIndex().search(query('cardio')).hits;
    expect(titles(hits)).toEqual(['Referral to cardiology']);
    expect(marked(hits[0])).toContain('cardiology');
  });

  it('finds documents by the names they are filed by: tag, correspondent, category, type, custom field', () => {
    const index = practiceIndex();
    const where = (text: string) => index.search(query(text)).hits[0]?.matches[0]?.place;
    expect(where('prior authorization')).toEqual({ field: 'tag', tagId: TAG.priorAuth });
    expect(where('brightwater')).toEqual({ field: 'correspondent' });
    expect(where('outside records')).toEqual({ field: 'category' });
    expect(where('benefits')).toEqual({ field: 'title' });
    expect(where('HX-40917')).toEqual({ field: 'customField', fieldId: FIELD.policyNumber });
    // Money in cents reads as staff write it, with the field's name.
    expect(titles(index.search(query('amount 125.50')).hits)).toEqual([
      'Explanation of benefits March',
    ]);
    // A document in Labs is filed under Clinical › Outside records too.
    expect(titles(index.search(query('clinical fasting')).hits)).toEqual(['Lipid panel results']);
  });

  it('combines filters: patient, category with its subcategories, type, tag, correspondent, dates', () => {
    const index = practiceIndex();
    const all = (filters: SearchFilters) => titles(index.search(query('', filters)).hits);
    expect(all({ patientId: PATIENT_ZOE })).toEqual([
      'Explanation of benefits March',
      'Lipid panel results',
    ]);
    expect(all({ categoryId: CATEGORY.clinical })).toEqual([
      'Lipid panel results',
      'Referral to cardiology',
    ]);
    expect(all({ categoryId: CATEGORY.clinical, patientId: PATIENT_OMAR })).toEqual([
      'Referral to cardiology',
    ]);
    expect(all({ documentTypeId: TYPE.eob, tagIds: [TAG.priorAuth] })).toEqual([
      'Explanation of benefits March',
    ]);
    expect(all({ tagIds: [TAG.priorAuth, TAG.signature] })).toEqual([]);
    expect(all({ correspondentId: CORRESPONDENT.lab })).toEqual(['Lipid panel results']);
    expect(all({ dateFrom: '2026-01-01', dateTo: '2026-02-28', patientId: PATIENT_ZOE })).toEqual([
      'Lipid panel results',
    ]);
    expect(
      titles(index.search(query('triglycerides', { categoryId: CATEGORY.administrative })).hits),
    ).toEqual([]);
  });

  it('leaves the trash out unless asked, and tells filed from unfiled', () => {
    const index = practiceIndex();
    expect(titles(index.search(query('triglycerides')).hits).sort()).toEqual([
      'Lipid panel results',
      'Scan waiting to be filed',
    ]);
    expect(
      titles(index.search(query('triglycerides', { includeTrashed: true })).hits).sort(),
    ).toEqual(['Lipid panel results', 'Old lipid panel', 'Scan waiting to be filed']);
    expect(titles(index.search(query('triglycerides', { filing: 'unfiled' })).hits)).toEqual([
      'Scan waiting to be filed',
    ]);
  });

  it('sorts by relevance or by document date, and pages through results', () => {
    const index = practiceIndex();
    // "lipid" in the title counts for more than elsewhere; the trashed one is asked for.
    const filters = { includeTrashed: true, patientId: PATIENT_ZOE };
    const newest = index.search(query('panel', filters, { sort: 'newest' }));
    expect(titles(newest.hits)).toEqual(['Lipid panel results', 'Old lipid panel']);
    const oldest = index.search(query('panel', filters, { sort: 'oldest' }));
    expect(titles(oldest.hits)).toEqual(['Old lipid panel', 'Lipid panel results']);
    // An undated scan counts by the day it was made (5 January), as in the documents list.
    const second = index.search(query('', {}, { sort: 'oldest', limit: 2, offset: 1 }));
    expect({ total: second.total, titles: titles(second.hits) }).toEqual({
      total: 4,
      titles: ['Scan waiting to be filed', 'Lipid panel results'],
    });
  });

  it('is kept current: an edited title is found by its new words only; a removed document is gone', () => {
    const index = practiceIndex();
    const [referral] = DOCUMENTS.filter((doc) => doc.id === id(2));
    index.put(searchSourceOf({ ...referral!, title: 'Letter to Dr. Quarrington' }));
    expect(titles(index.search(query('quarrington')).hits)).toEqual(['Letter to Dr. Quarrington']);
    expect(index.search(query('referral cardiology')).total).toBe(0);
    index.remove(id(2));
    expect(index.search(query('quarrington')).total).toBe(0);
    expect(index.search(query('palpitations')).total).toBe(0);
    expect(index.size).toBe(DOCUMENTS.length - 1);
  });

  it('re-reads the names of documents when their tag is renamed or their category moved', () => {
    const index = practiceIndex();
    const rename = (setup: SearchSetup) => index.putSetup(setup);
    rename({ kind: 'tag', id: TAG.priorAuth, name: 'Precertification' });
    expect(index.search(query('authorization')).total).toBe(0);
    expect(titles(index.search(query('precertification')).hits)).toEqual([
      'Explanation of benefits March',
    ]);
    // Labs moves from Clinical › Outside records to Administrative.
    rename({
      kind: 'category',
      id: CATEGORY.labs,
      name: 'Labs',
      parentId: CATEGORY.administrative,
    });
    expect(titles(index.search(query('administrative fasting')).hits)).toEqual([
      'Lipid panel results',
    ]);
    expect(index.search(query('outside fasting')).total).toBe(0);
    expect(titles(index.search(query('', { categoryId: CATEGORY.administrative })).hits)).toEqual([
      'Explanation of benefits March',
      'Lipid panel results',
    ]);
  });

  it('stays right through many edits of the same documents (entries are vacuumed)', () => {
    const index = new FilingSearchIndex();
    const long = Array.from({ length: 2_000 }, (_, n) => `word${n}`).join(' ');
    for (let round = 0; round < 80; round++)
      for (let n = 0; n < 5; n++)
        index.put(
          searchSourceOf(
            filedDocument(n, {
              title: `Round ${round} document ${n}`,
              text: { versionId: id(900), source: 'pdf', pages: [long, `round${round}`] },
            }),
          ),
        );
    expect(index.search(query('round79')).total).toBe(5);
    expect(index.search(query('round78')).total).toBe(0);
    expect(index.search(query('Round 78')).total).toBe(0);
    expect(index.search(query('word1999')).hits[0]?.pages).toEqual([1]);
  });

  it('counts the documents a list is of, whatever the words, and says what each hit is filed as', () => {
    const index = practiceIndex();
    const listed = index.search(query('cholesterol', { filing: 'filed' }));
    // Filed and not in the trash: 1, 2 and 3 (4 is in the trash, 5 in the inbox).
    expect(listed.within).toBe(3);
    expect(listed.total).toBe(1);
    expect(listed.hits[0]).toMatchObject({
      date: '2026-02-10',
      patientId: PATIENT_ZOE,
      categoryId: CATEGORY.labs,
      documentTypeId: TYPE.labResult,
      correspondentId: CORRESPONDENT.lab,
      tagIds: [TAG.signature],
    });
    expect(index.search(query('nothing-like-this', { filing: 'filed' }))).toMatchObject({
      total: 0,
      within: 3,
    });
    expect(index.search(query('', { includeTrashed: true })).within).toBe(5);
  });

  it('takes stray quotes, brackets and regular-expression characters as no words', () => {
    const index = practiceIndex();
    for (const typed of ['"', "'", '(', '[', '*', '.*', '\\', '?', '+', '^$', '|', '{2}', '"lipid'])
      expect(() => index.search(query(typed))).not.toThrow();
    // Only the words count: "(lipid" and "lipid*" are "lipid".
    expect(titles(index.search(query('"(lipid*')).hits)).toEqual(['Lipid panel results']);
    expect(titles(index.search(query('[cholesterol]')).hits)).toEqual(['Lipid panel results']);
    // Nothing but punctuation is no words at all: every document the filters admit.
    expect(index.search(query('"*(', { filing: 'filed' })).total).toBe(3);
  });

  it('lists documents of one day newest made first', () => {
    const index = new FilingSearchIndex();
    for (const n of [7, 9, 8])
      index.put(
        searchSourceOf(filedDocument(n, { title: `Fax ${n}`, documentDate: '2026-04-01' })),
      );
    expect(titles(index.search(query('', {}, { sort: 'newest' })).hits)).toEqual([
      'Fax 9',
      'Fax 8',
      'Fax 7',
    ]);
  });
});
