import 'fake-indexeddb/auto';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { Tag } from '@clinicdesk/shared/filing/tag.schema.ts';
import { ok } from '@clinicdesk/shared/result.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClinicDatabase, openClinicDatabase } from '../../db/database.ts';
import { editDocument } from '../../db/documents.svelte.ts';
import { LiveFilingIndex } from './filing-index-feed.ts';
import { FilingSearch } from './filing-search.svelte.ts';
import { LocalSearchEngine } from './search-engine.ts';
import type { SearchQuery } from './search-query.ts';
import {
  DOCUMENTS,
  filedDocument,
  id,
  PATIENT_OMAR,
  SETUP,
  TAG,
} from './fixtures/synthetic-filing.ts';

const editor = { userId: 'u1', name: 'Ana Desk', deviceId: id(999) };
let opened: { db: ClinicDatabase; index: LiveFilingIndex }[] = [];
let n = 0;

/** A device holding the synthetic practice's files, and its live search index. */
async function device(documents: FiledDocument[] = DOCUMENTS) {
  const db = await openClinicDatabase('u1', editor, {
    name: `filingsearchtest${++n}`,
    multiInstance: false,
  });
  // JSON drops the fixture's `filed: undefined` (a document still in the inbox), as storage would.
  await db.filing.bulkInsert(JSON.parse(JSON.stringify([...SETUP, ...documents])) as never[]);
  const index = new LiveFilingIndex(db, new LocalSearchEngine());
  opened.push({ db, index });
  await index.whenLoaded;
  return { db, index, source: { db } };
}

afterEach(async () => {
  for (const { db, index } of opened) {
    index.dispose();
    await db.remove();
  }
  opened = [];
});

const ask = (text: string, more: Partial<SearchQuery> = {}): SearchQuery => ({
  text,
  filters: {},
  sort: 'relevance',
  limit: 20,
  ...more,
});
const titlesFound = async (index: LiveFilingIndex, text: string) =>
  (await index.search(ask(text))).hits.map((hit) => hit.title);

describe('the live filing search index', () => {
  it('reads every filed document on the device, and finds a word on page 2 as page 2', async () => {
    const { index } = await device();
    expect(index.loaded).toBe(true);
    const answer = await index.search(ask('cholesterol'));
    expect(answer.indexed).toBe(DOCUMENTS.length);
    expect(answer.hits.map((hit) => [hit.title, hit.pages])).toEqual([
      ['Lipid panel results', [2]],
    ]);
  });

  it('reads a device of many documents page by page', async () => {
    const many = Array.from({ length: 600 }, (_, k) =>
      filedDocument(1000 + k, { title: `Fax ${k}`, patientId: PATIENT_OMAR }),
    );
    const { index } = await device(many);
    expect(index.read).toBe(600);
    expect((await index.search(ask('fax'))).total).toBe(600);
  });

  it('follows edits: a new title is found, the old one not; a deleted document is gone', async () => {
    const { index, source, db } = await device();
    const edited = await editDocument(source, 'filedDocument', id(2), (doc) =>
      ok({ ...doc, title: 'Letter to Dr. Quarrington' }),
    );
    expect(edited.ok).toBe(true);
    await vi.waitFor(async () =>
      expect(await titlesFound(index, 'quarrington')).toEqual(['Letter to Dr. Quarrington']),
    );
    expect(await titlesFound(index, 'cardiology')).toEqual([]);

    await (await db.filing.findOne(id(2)).exec())?.remove();
    await vi.waitFor(async () => expect(await titlesFound(index, 'quarrington')).toEqual([]));
    expect(await titlesFound(index, 'palpitations')).toEqual([]);
  });

  it('follows a renamed tag to the documents carrying it', async () => {
    const { index, source } = await device();
    await editDocument(source, 'tag', TAG.priorAuth, (tag: Tag) =>
      ok({ ...tag, name: 'Precertification' }),
    );
    await vi.waitFor(async () =>
      expect(await titlesFound(index, 'precertification')).toEqual([
        'Explanation of benefits March',
      ]),
    );
  });
});

describe('FilingSearch (a search screen’s state)', () => {
  it('answers once typing settles, only the latest question, and at once for filters', async () => {
    const { index } = await device();
    const asked = vi.spyOn(index, 'search');
    const search = new FilingSearch(opened[0]!.db, Promise.resolve(index));
    search.text = 'chol';
    search.text = 'cholest';
    search.text = 'triglycerides';
    await vi.waitFor(() => expect(search.loading).toBe(false));
    expect(search.hits.map((hit) => hit.title).sort()).toEqual([
      'Lipid panel results',
      'Scan waiting to be filed',
    ]);
    // Only the settled words were asked: not the keys before, nor the empty start (typing had begun).
    expect(asked.mock.calls.map(([query]) => query.text)).toEqual(['triglycerides']);

    search.filters = { filing: 'filed' };
    expect(search.loading).toBe(true);
    await vi.waitFor(() => expect(search.loading).toBe(false));
    expect(search.hits.map((hit) => hit.title)).toEqual(['Lipid panel results']);
    expect(search.hits[0]?.pages).toEqual([2]);
    search.dispose();
  });

  it('applies a saved state at once and shows documents as they arrive', async () => {
    const { index, db } = await device();
    const search = new FilingSearch(db, Promise.resolve(index));
    search.apply({ text: 'quarrington', filters: { patientId: PATIENT_OMAR }, sort: 'newest' });
    await vi.waitFor(() => expect(search.loading).toBe(false));
    expect(search.total).toBe(0);
    expect(search.state).toEqual({
      text: 'quarrington',
      filters: { patientId: PATIENT_OMAR },
      sort: 'newest',
    });
    await db.filing.insert(
      filedDocument(50, { title: 'Quarrington consult', patientId: PATIENT_OMAR }) as never,
    );
    await vi.waitFor(() =>
      expect(search.hits.map((hit) => hit.title)).toEqual(['Quarrington consult']),
    );
    search.dispose();
  });
});
