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
 * pages — each with a snippet, and every page number they are on. Worked out for the results
 * shown only, by reading their text again: the index keeps no word positions.
 */
export function matchesOf(
  source: SearchSource,
  places: PlaceTexts,
  terms: ReadonlySet<string>,
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
  const pages: number[] = [];
  for (const [index, text] of source.pages.entries()) {
    const marks = marksIn(text, terms);
    if (marks.length === 0) continue;
    pages.push(index + 1);
    if (matches.length < SHOWN_MATCHES)
      matches.push({ place: { field: 'page', page: index + 1 }, snippet: snippetOf(text, marks) });
  }
  return { matches, pages };
}
