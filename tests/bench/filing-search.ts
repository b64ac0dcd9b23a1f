import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { build } from 'vite';
import { closePage } from './browser.ts';
import { BenchCorpus, type BenchDocument, typedQueries } from './filing-search-corpus.ts';
import type { FilingSearchBench } from './filing-search-page.ts';
import { figure, type Figure } from './report.ts';
import { summarize } from './stats.ts';

declare global {
  interface Window {
    filingSearchBench: FilingSearchBench;
  }
}

export type FilingSearchConfig = { documents: number; keystrokes: number; warmup: number };

const SEED = 20261203;
const pageEntry = fileURLToPath(new URL('./filing-search-page.ts', import.meta.url));

/** The page side as one script (the app's index module, bundled for production). */
async function pageScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: pageEntry, formats: ['iife'], name: 'filingSearchBench' },
      rollupOptions: { output: { extend: true } },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = result && 'output' in result ? result.output[0] : undefined;
  if (!chunk || !('code' in chunk)) throw new Error('the filing search page did not build');
  return `${chunk.code}\nwindow.filingSearchBench = filingSearchBench.filingSearchBench;`;
}

/** An FTS5 query for what was typed: every word, each as a prefix (as the device reads it). */
function ftsQuery(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => `"${word}"*`)
    .join(' ');
}

/** SQLite FTS5 over the same text, asked the same questions: top 20 by BM25 with a snippet. */
function fts5Baseline(documents: readonly BenchDocument[], queries: string[], warmup: number) {
  const db = new DatabaseSync(':memory:');
  try {
    const started = performance.now();
    // Prefix indexes for 2 and 3 letters: FTS5 at its fastest for typing.
    db.exec(
      "CREATE VIRTUAL TABLE documents USING fts5(title, body, prefix='2 3', tokenize='unicode61 remove_diacritics 2')",
    );
    const insert = db.prepare('INSERT INTO documents(rowid, title, body) VALUES (?, ?, ?)');
    db.exec('BEGIN');
    for (const [row, doc] of documents.entries()) insert.run(row, doc.title, doc.pages.join('\f'));
    db.exec('COMMIT');
    const buildMs = performance.now() - started;
    const select = db.prepare(
      "SELECT rowid, snippet(documents, 1, '[', ']', '…', 16) AS snippet FROM documents WHERE documents MATCH ? ORDER BY bm25(documents, 3.0, 1.0) LIMIT 20",
    );
    for (const text of queries.slice(0, warmup)) select.all(ftsQuery(text));
    const ms: number[] = [];
    let found = 0;
    for (const text of queries) {
      const at = performance.now();
      const rows = select.all(ftsQuery(text));
      ms.push(performance.now() - at);
      if (rows.length > 0) found++;
    }
    return { buildMs, ms, found };
  } finally {
    db.close();
  }
}

/**
 * Full-text search over `documents` filed documents (1–3 pages of 300–600 words each): the
 * device's index in Chromium (in the page's thread, as its worker runs it) against SQLite FTS5
 * in Node over the same text, per keystroke of the same typed queries; the index's build time
 * and the heap it holds (with the page texts it keeps for snippets).
 */
export async function measureFilingSearch(
  browser: Browser,
  config: FilingSearchConfig,
): Promise<{ figures: Figure[]; notes: string[] }> {
  const documents = new BenchCorpus(SEED).documents(config.documents);
  const queries = typedQueries(documents, config.keystrokes, SEED + 1);
  const fts = fts5Baseline(documents, queries, config.warmup);

  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`filing search page error: ${error.message}`));
  await page.goto('about:blank');
  await page.addScriptTag({ content: await pageScript() });
  const cdp = await context.newCDPSession(page);
  const heapUsed = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const before = await heapUsed();
  const prepared = await page.evaluate((input) => window.filingSearchBench.prepare(input), {
    seed: SEED,
    count: config.documents,
  });
  const built = await page.evaluate(() => window.filingSearchBench.build());
  const heapMiB = ((await heapUsed()) - before) / 2 ** 20;
  const device = await page.evaluate((input) => window.filingSearchBench.search(input), {
    queries,
    warmup: config.warmup,
  });
  await closePage(page);

  const app = summarize(device.ms);
  const raw = summarize(fts.ms);
  const size = config.documents.toLocaleString('en-US');
  const baseline = 'SQLite FTS5 (node:sqlite), same text';
  const text = documents.reduce((sum, doc) => sum + doc.pages.join('').length, 0);
  return {
    figures: [
      figure(`filing full-text search per keystroke, ${size} documents: median`, 'ms', app.median, {
        name: baseline,
        value: raw.median,
      }),
      figure(
        `filing full-text search per keystroke, ${size} documents: p95`,
        'ms',
        app.p95,
        { name: baseline, value: raw.p95 },
        (r) => ({ text: '≤ 2× SQLite FTS5', met: r !== null && r <= 2 }),
      ),
      figure(`filing search index build, ${size} documents`, 'ms', built.ms, {
        name: 'SQLite FTS5 insert, one transaction',
        value: fts.buildMs,
      }),
      figure(`filing search heap, ${size} documents (index and page texts)`, 'MiB', heapMiB),
    ],
    notes: [
      `filing search: ${built.size.toLocaleString('en-US')} synthetic documents, ${prepared.words.toLocaleString('en-US')} words (${Math.round(text / 2 ** 20)} MiB of page text); ${queries.length} keystrokes of typed distinctive words and patient names (every word must match; the device also allows typos, FTS5 only prefixes); a query found something in ${device.found}/${queries.length} keystrokes on the device, ${fts.found}/${queries.length} with FTS5. Device answers include where each result matched (field or page) and marked snippets; FTS5's a snippet. The device index runs in a worker in the app; here in the page's thread, so its build time is the worker's.`,
    ],
  };
}
