import type { MatchPlace, SearchMatch } from './search-query.ts';
import type { SearchSource } from './search-source.ts';
import { marksIn, snippetOf } from './snippets.ts';

/** Places with a snippet per result: enough to say where, few enough to keep a row short. */
const SHOWN_MATCHES = 4;

/** The names a document's setup gives it, as the index read them. */
export type PlaceTexts = {
  tags: { tagId: string; text: string }[];
  correspondent: string | undefined;
  category: string | undefined;
  documentType: string | undefined;
  fields: { fieldId: string; text: string }[];
};

/**
 * Where the words (`terms`: the indexed words the query's words stood for) are in a document:
 * its places in reading order — title, notes, the names it is filed by, custom values, then
 * pages — each with a snippet, and every page number they are on (`pageIndexes`, from the
 * index). Snippets are worked out for the results shown only, by reading those places again:
 * the index keeps no word positions.
 */
export function matchesOf(
  source: SearchSource,
  places: PlaceTexts,
  terms: ReadonlySet<string>,
  pageIndexes: readonly number[],
): { matches: SearchMatch[]; pages: number[] } {
  const matches: SearchMatch[] = [];
  const offer = (place: MatchPlace, text: string | undefined) => {
    if (!text || matches.length >= SHOWN_MATCHES) return;
    const marks = marksIn(text, terms);
    if (marks.length > 0) matches.push({ place, snippet: snippetOf(text, marks) });
  };
  offer({ field: 'title' }, source.title);
  offer({ field: 'notes' }, source.notes);
  for (const { tagId, text } of places.tags) offer({ field: 'tag', tagId }, text);
  offer({ field: 'correspondent' }, places.correspondent);
  offer({ field: 'category' }, places.category);
  offer({ field: 'documentType' }, places.documentType);
  for (const { fieldId, text } of places.fields) offer({ field: 'customField', fieldId }, text);
  // The pages come from the index (reading every page again would cost more than the search).
  for (const index of pageIndexes) offer({ field: 'page', page: index + 1 }, source.pages[index]);
  return { matches, pages: pageIndexes.map((index) => index + 1) };
}
