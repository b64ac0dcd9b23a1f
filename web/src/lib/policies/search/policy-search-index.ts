import MiniSearch from 'minisearch';

/**
 * Search over the policies on this device, by their current text (the version in force, else
 * the newest draft the person may read), title, number, legal references and manual. All words
 * must be found; each as typed, as the start of a word while typing, or with a typo (one from 5
 * letters, two from 9). Numbers and citations count as they are written ("164.530", "HIPAA-P-04").
 */
export type SearchablePolicy = {
  policyId: string;
  number: string;
  title: string;
  manualTitle: string;
  legalReferences: readonly string[];
  /** What the version says, as plain text. */
  text: string;
  versionNumber: number;
  /** "In force", "Draft", "Published, effective 12/01/2026". */
  versionState: string;
};

export type TextPart = { text: string; match: boolean };

export type PolicySearchHit = {
  policy: SearchablePolicy;
  /** The title with the words that matched marked. */
  title: TextPart[];
  /** A stretch of the text around the first match, matches marked; empty when only the title, number or a reference matched. */
  snippet: TextPart[];
  /** Where it matched besides the text, in the office's words ("number", "legal reference"). */
  matchedIn: string[];
};

const FIELD_LABELS: Record<string, string> = {
  number: 'number',
  title: 'title',
  legal: 'legal reference',
  manual: 'manual',
  text: 'text',
};

/** Words: letters and digits, with dots and hyphens inside ("164.530", "hipaa-p-04"). */
const tokenize = (text: string): string[] =>
  text.match(/[\p{L}\p{N}]+(?:[.\-/][\p{L}\p{N}]+)*/gu) ?? [];
const fold = (term: string): string => term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export class PolicySearchIndex {
  readonly #search = new MiniSearch<SearchablePolicy & { id: string }>({
    idField: 'id',
    fields: ['number', 'title', 'legal', 'manual', 'text'],
    extractField: (doc, field) => {
      if (field === 'legal') return doc.legalReferences.join(' ');
      if (field === 'manual') return doc.manualTitle;
      return (doc as unknown as Record<string, string>)[field] ?? '';
    },
    tokenize,
    processTerm: fold,
    searchOptions: {
      combineWith: 'AND',
      prefix: (term, index, terms) => index === terms.length - 1 || term.length >= 4,
      fuzzy: (term) =>
        /\d/.test(term) ? false : term.length >= 9 ? 2 : term.length >= 5 ? 1 : false,
      boost: { number: 4, title: 3, legal: 2, manual: 1, text: 1 },
    },
  });
  readonly #policies = new Map<string, SearchablePolicy>();

  constructor(policies: readonly SearchablePolicy[] = []) {
    for (const policy of policies) this.put(policy);
  }

  get size(): number {
    return this.#policies.size;
  }

  /** Adds a policy or replaces what the index held for it. */
  put(policy: SearchablePolicy): void {
    if (this.#policies.has(policy.policyId)) this.#search.discard(policy.policyId);
    this.#policies.set(policy.policyId, policy);
    this.#search.add({ ...policy, id: policy.policyId });
  }

  remove(policyId: string): void {
    if (!this.#policies.delete(policyId)) return;
    this.#search.discard(policyId);
  }

  search(query: string, limit = 50): PolicySearchHit[] {
    if (tokenize(query).length === 0) return [];
    return this.#search
      .search(query)
      .slice(0, limit)
      .flatMap((result) => {
        const policy = this.#policies.get(String(result.id));
        if (!policy) return [];
        const fields = new Set(Object.values(result.match).flat());
        return [
          {
            policy,
            title: marked(policy.title, result.terms),
            snippet: fields.has('text') ? snippet(policy.text, result.terms) : [],
            matchedIn: [...fields]
              .filter((field) => field !== 'text' && field !== 'title')
              .map((field) => FIELD_LABELS[field] ?? field),
          },
        ];
      });
  }
}

/** The text's words that are one of `terms` (as folded), marked. */
export function marked(text: string, terms: readonly string[]): TextPart[] {
  const wanted = new Set(terms.map(fold));
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(/[\p{L}\p{N}]+(?:[.\-/][\p{L}\p{N}]+)*/gu)) {
    if (!wanted.has(fold(found[0]))) continue;
    if (found.index > last) parts.push({ text: text.slice(last, found.index), match: false });
    parts.push({ text: found[0], match: true });
    last = found.index + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 220;

/** About two lines of the text from shortly before its first match, words not cut in half. */
export function snippet(text: string, terms: readonly string[]): TextPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const parts = marked(flat, terms);
  let offset = 0;
  let first = -1;
  for (const part of parts) {
    if (part.match) {
      first = offset;
      break;
    }
    offset += part.text.length;
  }
  if (first < 0) return [];
  let start = Math.max(0, first - SNIPPET_BEFORE);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + SNIPPET_LENGTH);
  if (end < flat.length)
    end = flat.lastIndexOf(' ', end) > first ? flat.lastIndexOf(' ', end) : end;
  const window = marked(flat.slice(start, end), terms);
  if (start > 0) window.unshift({ text: '… ', match: false });
  if (end < flat.length) window.push({ text: ' …', match: false });
  return window;
}
