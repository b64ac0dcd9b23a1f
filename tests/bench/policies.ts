import { createRequire } from 'node:module';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { build, type PluginOption } from 'vite';
import { closePage } from './browser.ts';
import { typedQueries } from './filing-search-corpus.ts';
import { benchLibrary, longPolicy, reportData, type BenchPolicy, type ReportData } from './policies-data.ts'; // prettier-ignore
import type { PoliciesBench } from './policies-page.ts';
import { figure, type Figure } from './report.ts';
import { summarize } from './stats.ts';

declare global {
  interface Window {
    policiesBench: PoliciesBench;
  }
}

export type PoliciesConfig = {
  /** Sections of the long policy (16 print on about 20 US Letter pages). */
  sections: number;
  openRounds: number;
  policies: number;
  keystrokes: number;
  saves: number;
  staff: number;
  versions: number;
  reportRounds: number;
  warmup: number;
};

export const POLICIES_FULL: PoliciesConfig = { sections: 16, openRounds: 20, policies: 500, keystrokes: 300, saves: 100, staff: 60, versions: 300, reportRounds: 20, warmup: 5 }; // prettier-ignore
export const POLICIES_QUICK: PoliciesConfig = { sections: 16, openRounds: 5, policies: 500, keystrokes: 100, saves: 20, staff: 60, versions: 300, reportRounds: 5, warmup: 2 }; // prettier-ignore

const SEED = 20261213;
const pageEntry = fileURLToPath(new URL('./policies-page.ts', import.meta.url));
/** A secure context (crypto.subtle hashes the text) with IndexedDB; never reaches a network. */
const ORIGIN = 'http://localhost:9/';

/** The page side as one script: the app's modules, runes compiled as the app builds them. */
async function pageScript(): Promise<string> {
  const fromWeb = createRequire(new URL('../../web/package.json', import.meta.url));
  const { svelte } = (await import(
    pathToFileURL(fromWeb.resolve('@sveltejs/vite-plugin-svelte')).href
  )) as { svelte: (options: object) => PluginOption };
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
    resolve: { dedupe: ['rxdb', 'rxjs', 'dexie', 'yjs'] },
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: pageEntry, formats: ['iife'], name: 'policiesBench' },
      rollupOptions: { output: { extend: true } },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = result && 'output' in result ? result.output[0] : undefined;
  if (!chunk || !('code' in chunk)) throw new Error('the policies page did not build');
  return `${chunk.code}\nwindow.policiesBench = policiesBench.policiesBench;`;
}

const ftsQuery = (text: string): string =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => `"${word}"*`)
    .join(' ');

/** SQLite FTS5 over the same policies' text and fields, top 20 by BM25 with a snippet. */
function fts5Search(policies: readonly BenchPolicy[], queries: string[], warmup: number) {
  const db = new DatabaseSync(':memory:');
  try {
    const started = performance.now();
    db.exec("CREATE VIRTUAL TABLE policies USING fts5(number, title, legal, manual, body, prefix='2 3', tokenize='unicode61 remove_diacritics 2')"); // prettier-ignore
    const insert = db.prepare('INSERT INTO policies(rowid, number, title, legal, manual, body) VALUES (?, ?, ?, ?, ?, ?)'); // prettier-ignore
    db.exec('BEGIN');
    for (const [row, p] of policies.entries())
      insert.run(row, p.number, p.title, p.legalReferences.join(' '), p.manualTitle, p.text);
    db.exec('COMMIT');
    const buildMs = performance.now() - started;
    const select = db.prepare("SELECT rowid, snippet(policies, 4, '[', ']', '…', 16) AS snippet FROM policies WHERE policies MATCH ? ORDER BY bm25(policies, 4.0, 3.0, 2.0, 1.0, 1.0) LIMIT 20"); // prettier-ignore
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
 * The same report in SQL: each campaign's assignments (its roles' staff; a person who started
 * later gets their own due date), whether each is acknowledged, then done and total overall, by
 * policy, by role and by person, and the incomplete ones soonest due first — from tables
 * loaded (untimed) with the same rows, indexed on what the joins look up.
 */
function sqliteReport(data: ReportData, rounds: number, warmup: number) {
  const db = new DatabaseSync(':memory:');
  try {
    db.exec(`
      CREATE TABLE staff (id TEXT PRIMARY KEY, name TEXT, role TEXT, started_on TEXT);
      CREATE TABLE campaigns (id TEXT PRIMARY KEY, policy_id TEXT, version_id TEXT, started_on TEXT, due_on TEXT, due_in_days INTEGER);
      CREATE TABLE campaign_roles (campaign_id TEXT, role TEXT);
      CREATE TABLE acks (policy_id TEXT, staff_id TEXT, version_id TEXT, content_hash TEXT, acknowledged_at TEXT);
      CREATE INDEX campaign_roles_role ON campaign_roles(role, campaign_id);
      CREATE INDEX acks_person ON acks(policy_id, staff_id);`);
    db.exec('BEGIN');
    const staff = db.prepare('INSERT INTO staff VALUES (?, ?, ?, ?)');
    for (const s of data.staff) staff.run(s.id, s.name, s.role, s.startedOn);
    const campaign = db.prepare('INSERT INTO campaigns VALUES (?, ?, ?, ?, ?, ?)');
    const role = db.prepare('INSERT INTO campaign_roles VALUES (?, ?)');
    for (const c of data.campaigns) {
      campaign.run(c.id, c.policyId, c.versionId, c.startedOn, c.dueOn, c.dueInDays);
      for (const r of c.audienceRoles) role.run(c.id, r);
    }
    const ack = db.prepare('INSERT INTO acks VALUES (?, ?, ?, ?, ?)');
    for (const a of data.acknowledgments)
      ack.run(a.policyId, a.staffId, a.versionId, a.contentHash, a.acknowledgedAt ?? null);
    db.exec('COMMIT');
    db.exec(`CREATE TEMP VIEW duties AS
      SELECT c.policy_id, s.id AS staff_id, s.role,
        CASE WHEN s.started_on > c.started_on THEN date(s.started_on, '+' || c.due_in_days || ' days') ELSE c.due_on END AS due_on,
        EXISTS (SELECT 1 FROM acks a WHERE a.policy_id = c.policy_id AND a.staff_id = s.id AND a.version_id = c.version_id AND a.acknowledged_at IS NOT NULL) AS done
      FROM campaigns c JOIN campaign_roles r ON r.campaign_id = c.id JOIN staff s ON s.role = r.role`);
    const queries = [
      'SELECT count(*) AS total, sum(done) AS done FROM duties',
      'SELECT policy_id, count(*), sum(done) FROM duties GROUP BY policy_id',
      'SELECT role, count(*), sum(done) FROM duties GROUP BY role',
      'SELECT staff_id, count(*), sum(done) FROM duties GROUP BY staff_id',
      'SELECT policy_id, staff_id, due_on FROM duties WHERE done = 0 ORDER BY due_on, staff_id',
    ].map((sql) => db.prepare(sql));
    const ms: number[] = [];
    let total = 0;
    for (let round = 0; round < rounds + warmup; round++) {
      const at = performance.now();
      const results = queries.map((query) => query.all());
      if (round >= warmup) ms.push(performance.now() - at);
      total = Number((results[0]?.[0] as { total: number } | undefined)?.total ?? 0);
    }
    return { ms, total };
  } finally {
    db.close();
  }
}

/**
 * Issue 13's policy figures: opening a 20-page policy with the network down (the clinic
 * database and the read-only editor the policy page shows, and the renderer the binder and
 * reading use, against the same text as HTML read raw from IndexedDB), search over 500
 * policies (against SQLite FTS5 on the same text), saving an acknowledgment (against a raw
 * strict put of the same record), and the acknowledgment report for 60 staff × 300 versions
 * (against the same report in SQLite).
 */
export async function measurePolicies(
  browser: Browser,
  config: PoliciesConfig,
): Promise<{ figures: Figure[]; notes: string[] }> {
  const long = longPolicy(SEED, config.sections);
  const library = benchLibrary(SEED + 1, config.policies);
  const queries = typedQueries(
    library.map((p) => ({ id: p.policyId, title: p.title, pages: [p.text] })),
    config.keystrokes,
    SEED + 2,
  );
  const data = reportData(SEED + 3, config.staff, config.versions);
  const fts = fts5Search(library, queries, config.warmup);
  const sql = sqliteReport(data, config.reportRounds, config.warmup);

  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`policies page error: ${error.message}`));
  await page.route(
    ORIGIN,
    (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>policies</title><main id="host"></main>' }), // prettier-ignore
  );
  await page.goto(ORIGIN);
  await page.addScriptTag({ content: await pageScript() });
  // Everything from here runs with the network down, as on a tablet in an outage.
  await context.setOffline(true);
  const prepared = await page.evaluate((input) => window.policiesBench.prepare(input), { sections: long }); // prettier-ignore
  const opened = await page.evaluate((input) => window.policiesBench.open(input), { rounds: config.openRounds, warmup: config.warmup }); // prettier-ignore
  const searched = await page.evaluate((input) => window.policiesBench.search(input), { policies: library, queries, warmup: config.warmup }); // prettier-ignore
  const saved = await page.evaluate((input) => window.policiesBench.acknowledgments(input), { sections: long.slice(0, 2), saves: config.saves, warmup: config.warmup }); // prettier-ignore
  const reported = await page.evaluate((input) => window.policiesBench.report(input), { json: JSON.stringify(data), rounds: config.reportRounds, warmup: config.warmup }); // prettier-ignore
  await closePage(page);
  await context.close();
  if (sql.total !== reported.summary.duties)
    throw new Error(`the SQLite report counts ${sql.total} assignments, the device ${reported.summary.duties}`); // prettier-ignore

  const editor = summarize(opened.editorMs);
  const render = summarize(opened.renderMs);
  const rawOpen = summarize(opened.rawMs);
  const device = summarize(searched.ms);
  const ftsSearch = summarize(fts.ms);
  const ack = summarize(saved.appMs);
  const put = summarize(saved.rawMs);
  const report = summarize(reported.ms);
  const sqlReport = summarize(sql.ms);
  const pages = `${prepared.pages}-page`;
  const rawOpenName = 'the same text as HTML, raw IndexedDB get + innerHTML';
  const ftsName = 'SQLite FTS5 (node:sqlite), same text';
  const putName = "raw IndexedDB put, durability 'strict'";
  const sqlName = 'the same report in SQLite (node:sqlite)';
  const size = `${config.staff} staff × ${config.versions} versions`;
  return {
    figures: [
      figure(`open a ${pages} policy offline, read-only editor (median)`, 'ms', editor.median, { name: rawOpenName, value: rawOpen.median }), // prettier-ignore
      figure(`open a ${pages} policy offline, read-only editor (p95)`, 'ms', editor.p95, { name: rawOpenName, value: rawOpen.p95 }), // prettier-ignore
      figure(`open a ${pages} policy offline, rendered for reading (median)`, 'ms', render.median, { name: rawOpenName, value: rawOpen.median }), // prettier-ignore
      figure(`policy search per keystroke, ${config.policies} policies (median)`, 'ms', device.median, { name: ftsName, value: ftsSearch.median }), // prettier-ignore
      figure(`policy search per keystroke, ${config.policies} policies (p95)`, 'ms', device.p95, { name: ftsName, value: ftsSearch.p95 }), // prettier-ignore
      figure(`policy search index build, ${config.policies} policies`, 'ms', searched.buildMs, { name: 'SQLite FTS5 insert, one transaction', value: fts.buildMs }), // prettier-ignore
      figure('save an acknowledgment until durable (median)', 'ms', ack.median, { name: putName, value: put.median }), // prettier-ignore
      figure('save an acknowledgment until durable (p95)', 'ms', ack.p95, { name: putName, value: put.p95 }), // prettier-ignore
      figure(`acknowledgment report, ${size} (median)`, 'ms', report.median, { name: sqlName, value: sqlReport.median }), // prettier-ignore
    ],
    notes: [
      `long policy: ${config.sections} sections (heading, 4 paragraphs, 6 numbered steps, a 5-row table each), ${prepared.words.toLocaleString('en-US')} words, ${prepared.pages} US Letter pages in the app's own printout, ${Math.round(prepared.textBytes / 1024)} KiB stored (a Yjs update, base64); opening is timed from the read of the stored version in the clinic database (Dexie, IndexedDB) to the text laid out (${Math.round(opened.height)} px tall at 1024 px wide), with the browser context offline; ${config.openRounds} rounds, the three ways alternating.`,
      `policy search: ${config.policies} synthetic policies (${library.reduce((n, p) => n + p.text.split(' ').length, 0).toLocaleString('en-US')} words: number, title, manual, a citation and 1–3 pages of text), ${queries.length} keystrokes of distinctive words typed letter by letter; found something in ${searched.found}/${queries.length} keystrokes on the device (every word, a prefix or a typo), ${fts.found}/${queries.length} with FTS5 (every word as a prefix). Device answers are the top 20 with marked titles and snippets; FTS5's with a snippet.`,
      `acknowledgments: ${config.saves} people acknowledging a ${config.sections > 1 ? 'two-section' : 'one-section'} policy through the app's action (the text read and hashed again, bound to the published hash, the record checked against its schema, written to the clinic database with strict durability); interleaved with a raw strict put of the same record.`,
      `acknowledgment report: ${reported.summary.duties.toLocaleString('en-US')} assignments (${data.acknowledgments.length.toLocaleString('en-US')} acknowledgments, ${reported.summary.done.toLocaleString('en-US')} done), by ${reported.summary.byPolicy} policies, role and ${reported.summary.byPerson} people, and the incomplete list; on the device the rules in shared/src/acknowledgments (campaign assignments incl. new staff's own due dates, coverage across versions); SQLite runs the equivalent joins and GROUP BYs over indexed tables of the same rows (counts checked equal).`,
    ],
  };
}
