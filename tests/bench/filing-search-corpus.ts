import { Random } from '../fault/random.ts';

/**
 * The filing search benchmark's documents: synthetic, seeded, the same on every run and on both
 * sides (the device's index in Chromium, SQLite FTS5 in Node). Realistic lengths — 1 to 3 pages
 * of 300 to 600 words — drawn from a vocabulary of 30,000 invented words with Zipf's law, as
 * words run in real text (a few very common, most rare), with invented patient names, dates and
 * claim numbers among them. No real person's name or data.
 */

export type BenchDocument = { id: string; title: string; pages: string[] };

const SYLLABLES = (
  'ka lo mi ne ra tu ben cor dal fen gri hol jas kel lum mor nis pel quo ros sta tri ven wil ' +
  'xan yor zed an er in on ul ex ath che sho bri clo dra eve fra glo ima pra ste'
).split(' ');
const GIVEN = 'Ilsa Oren Maren Tobin Selah Dario Wren Anouk Caspian Liora Bram Noemi'.split(' ');
const FAMILY = 'Vantreck Olwen Marchetti Quillan Haddox Brennock Saltari Duvessa Ferrow'.split(' ');
const TITLES =
  'Lab results,Referral letter,Explanation of benefits,Discharge summary,Consent form,Imaging report,Prior authorization,Invoice'.split(
    ',',
  );

export class BenchCorpus {
  readonly vocabulary: string[] = [];
  readonly #cumulative: number[] = [];
  #total = 0;
  readonly seed: number;

  constructor(seed: number) {
    this.seed = seed;
    const random = new Random(seed);
    const seen = new Set<string>();
    while (this.vocabulary.length < 30_000) {
      let word = '';
      for (let n = random.int(1, 4); n > 0; n--) word += random.pick(SYLLABLES);
      if (!seen.has(word)) {
        seen.add(word);
        this.vocabulary.push(word);
      }
    }
    for (let rank = 1; rank <= this.vocabulary.length; rank++) {
      this.#total += 1 / rank ** 1.05;
      this.#cumulative.push(this.#total);
    }
  }

  /** One word by its frequency in text. */
  word(random: Random): string {
    const target = random.float() * this.#total;
    let low = 0;
    let high = this.#cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return this.vocabulary[low]!;
  }

  documents(count: number): BenchDocument[] {
    const random = new Random(this.seed + 1);
    const documents: BenchDocument[] = [];
    for (let n = 0; n < count; n++) {
      const patient = `${random.pick(GIVEN)} ${random.pick(FAMILY)}`;
      const pages: string[] = [];
      for (let page = random.int(1, 3); page > 0; page--) {
        const words: string[] = [];
        for (let w = random.int(300, 600); w > 0; w--) {
          const roll = random.float();
          if (roll < 0.005) words.push(patient);
          else if (roll < 0.01) words.push(`2026-0${random.int(1, 9)}-1${random.int(0, 9)}`);
          else if (roll < 0.012) words.push(`CLM-${random.int(100_000, 999_999)}`);
          else words.push(this.word(random));
          if (random.chance(0.07)) words[words.length - 1] += random.chance(0.5) ? '.' : ',';
        }
        pages.push(words.join(' '));
      }
      const id = `019b0000-0000-7000-8000-${String(n).padStart(12, '0')}`;
      documents.push({ id, title: `${random.pick(TITLES)} ${patient}`, pages });
    }
    return documents;
  }
}

/**
 * What staff would type, letter by letter: one to three distinctive words of a document (in
 * 0.1–5% of documents: not "the", not a word nobody else has), or a patient's name.
 */
export function typedQueries(
  documents: readonly BenchDocument[],
  count: number,
  seed: number,
): string[] {
  const random = new Random(seed);
  const inDocuments = new Map<string, number>();
  for (const doc of documents)
    for (const word of new Set(
      doc.pages
        .join(' ')
        .toLowerCase()
        .split(/[^a-z0-9]+/),
    ))
      inDocuments.set(word, (inDocuments.get(word) ?? 0) + 1);
  const distinctive = (word: string) => {
    const share = (inDocuments.get(word) ?? 0) / documents.length;
    return share >= 0.001 && share <= 0.05;
  };
  const typed: string[] = [];
  while (typed.length < count) {
    const doc = random.pick(documents);
    const words = doc.pages
      .join(' ')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 4 && distinctive(word));
    if (words.length === 0) continue;
    const phrase = random.chance(0.2)
      ? doc.title.split(' ').slice(-2).join(' ')
      : Array.from({ length: random.int(1, 3) }, () => random.pick(words)).join(' ');
    for (let length = 2; length <= phrase.length && typed.length < count; length++)
      if (phrase[length - 1] !== ' ') typed.push(phrase.slice(0, length));
  }
  return typed;
}
