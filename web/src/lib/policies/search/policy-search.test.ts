import { describe, expect, it } from 'vitest';
import { PolicySearchIndex, type SearchablePolicy } from './policy-search-index.ts';

const policy = (
  fields: Partial<SearchablePolicy> & Pick<SearchablePolicy, 'policyId' | 'title'>,
): SearchablePolicy => ({
  number: 'FD-01',
  manualTitle: 'Front desk',
  legalReferences: [],
  text: '',
  versionNumber: 1,
  versionState: 'In force',
  ...fields,
});

const index = new PolicySearchIndex([
  policy({
    policyId: 'a',
    number: 'HIPAA-P-04',
    title: 'Patient access requests',
    manualTitle: 'HIPAA privacy',
    legalReferences: ['45 CFR 164.524'],
    text: 'A patient may ask for a copy of their records. We answer within 30 days, and may extend once by 30 days in writing.',
  }),
  policy({
    policyId: 'b',
    number: 'OSHA-BBP-01',
    title: 'Exposure control plan',
    manualTitle: 'OSHA',
    legalReferences: ['29 CFR 1910.1030'],
    text: 'After a needlestick, wash the site with soap and water and report the exposure at once.',
  }),
]);
const titles = (query: string) => index.search(query).map((hit) => hit.policy.title);

describe('searching policies on the device', () => {
  it('finds a policy by words of its text, all of them required', () => {
    expect(titles('needlestick soap')).toEqual(['Exposure control plan']);
    expect(titles('needlestick copy')).toEqual([]);
  });

  it('finds by number, title, citation and manual, and says where it matched', () => {
    expect(titles('HIPAA-P-04')).toEqual(['Patient access requests']);
    expect(titles('1910.1030')).toEqual(['Exposure control plan']);
    expect(index.search('164.524')[0]?.matchedIn).toEqual(['legal reference']);
  });

  it('finds while typing, and past a typo', () => {
    expect(titles('needles')).toEqual(['Exposure control plan']);
    expect(titles('exposre')).toEqual(['Exposure control plan']);
  });

  it('marks the matched words in a stretch of the text', () => {
    const [hit] = index.search('extend writing');
    const marks = hit?.snippet.filter((part) => part.match).map((part) => part.text);
    expect(marks).toEqual(['extend', 'writing']);
    expect(hit?.snippet.map((part) => part.text).join('')).toContain(
      'may extend once by 30 days in writing',
    );
  });

  it('follows the policies as they change', () => {
    const live = new PolicySearchIndex([
      policy({ policyId: 'c', title: 'Fire drill', text: 'Meet at the car park.' }),
    ]);
    live.put(policy({ policyId: 'c', title: 'Fire drill', text: 'Meet by the flagpole.' }));
    expect(live.search('car park')).toEqual([]);
    expect(live.search('flagpole')).toHaveLength(1);
    live.remove('c');
    expect(live.search('flagpole')).toEqual([]);
  });
});
