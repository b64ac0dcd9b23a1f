/**
 * `pnpm bench [--quick]`: what staff feel, each figure beside a baseline measured in the same
 * run, on this machine, in real Chromium against a real server process. Not a test: nothing
 * here passes or fails; targets are reported as met or missed. See docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.ts';
import { buildBenchPage } from './build-page.ts';
import { benchPatients } from './data.ts';
import { currentLoad, describeMachine } from './machine.ts';
import { PouchServer } from './pouch-process.ts';
import { type BenchReport, type Figure, formatMachine, formatTable } from './report.ts';
import { type FilingSearchConfig, measureFilingSearch } from './filing-search.ts';
import { measurePolicies, POLICIES_FULL, POLICIES_QUICK, type PoliciesConfig } from './policies.ts';
import { measureColdStart, type ColdStartConfig } from './scenarios/cold-start.ts';
import { measureFiling, type FilingConfig } from './scenarios/filing.ts';
import { measureFirstSync, type FirstSyncConfig } from './scenarios/first-sync.ts';
import { measureIncrementalSync, type IncrementalConfig } from './scenarios/incremental.ts';
import { measurePullThroughput, type PullConfig } from './scenarios/pull-throughput.ts';
import { measureSave, type SaveConfig } from './scenarios/save.ts';
import { measureSearch, type SearchConfig } from './scenarios/search.ts';
import { measureServerLoad, type LoadConfig } from './scenarios/server-load.ts';
import { allServerPatients, seedClinicServer, seedPouchServer } from './seed.ts';
import { SyncClient } from './sync-client.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';

type Config = {
  search: SearchConfig;
  save: SaveConfig;
  /** Patients on the server for first sync, incremental sync and pull throughput. */
  serverPatients: number;
  firstSync: FirstSyncConfig;
  incremental: IncrementalConfig;
  pull: PullConfig;
  load: LoadConfig;
  coldStart: ColdStartConfig;
  filing: FilingConfig;
  filingSearch: FilingSearchConfig;
  policies: PoliciesConfig;
};

const FULL: Config = {
  search: { sizes: [10_000, 100_000], names: 30, warmupNames: 5 },
  save: { saves: 200, warmup: 20 },
  serverPatients: 10_000,
  firstSync: { rounds: 3 },
  incremental: { edits: 40, warmup: 5 },
  pull: { devices: 16, rounds: 3 },
  load: { devices: [1, 10, 50, 200], warmupMs: 2_000, durationMs: 10_000 },
  coldStart: { rounds: 5 },
  filing: { recognitionRounds: 3, captureRounds: 3 },
  filingSearch: { documents: 10_000, keystrokes: 300, warmup: 20 },
  policies: POLICIES_FULL,
};

const QUICK: Config = {
  search: { sizes: [2_000, 10_000], names: 8, warmupNames: 2 },
  save: { saves: 40, warmup: 5 },
  serverPatients: 2_000,
  firstSync: { rounds: 1 },
  incremental: { edits: 10, warmup: 2 },
  pull: { devices: 16, rounds: 1 },
  load: { devices: [1, 10, 50], warmupMs: 500, durationMs: 3_000 },
  coldStart: { rounds: 2 },
  filing: { recognitionRounds: 1, captureRounds: 1 },
  filingSearch: { documents: 2_000, keystrokes: 100, warmup: 10 },
  policies: POLICIES_QUICK,
};

const POUCH_DATABASE = 'patients';
const artifacts = fileURLToPath(new URL('../.artifacts/', import.meta.url));
const pageDir = join(artifacts, 'bench-page');
const filingPageDir = join(artifacts, 'bench-filing-page');
const cacheDir = join(artifacts, 'bench-data');
const buildDir = fileURLToPath(new URL('../../web/build/', import.meta.url));

function step(message: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const config = quick ? QUICK : FULL;
  const startedAt = new Date();
  const figures: Figure[] = [];
  const notes: string[] = [];

  step('building the benchmark page (the app’s modules, production build)');
  await buildBenchPage(pageDir);
  const browser = await launchChromium();
  const machineAtStart = describeMachine(browser.version());
  step(
    `Chromium ${browser.version()}, ${machineAtStart.cores} cores, load ${machineAtStart.loadAtStart.join(' ')}`,
  );

  const server = await ClinicServer.start({ staticRoot: pageDir });
  let pouch: PouchServer | null = null;
  try {
    const pageUrl = `${server.url}/index.html`;

    step(`search as you type over ${config.search.sizes.join(' and ')} patients`);
    const search = await measureSearch(browser, {
      pageUrl,
      pageDir,
      cacheDir,
      config: config.search,
    });
    figures.push(...search.figures);
    notes.push(...search.notes);

    step('saving registrations');
    figures.push(...(await measureSave(browser, { pageUrl, cacheDir, config: config.save })));

    step(`seeding both servers with ${config.serverPatients} patients`);
    const seeder = await SyncClient.signIn(server.url, FRONT_DESK);
    const demo = await allServerPatients(seeder);
    const toAdd = config.serverPatients - demo.length;
    await seedClinicServer(seeder, benchPatients(config.serverPatients, cacheDir).slice(0, toAdd));
    const onServer = await allServerPatients(seeder);
    if (onServer.length !== config.serverPatients)
      throw new Error(
        `the server holds ${onServer.length} patients, expected ${config.serverPatients}`,
      );
    pouch = await PouchServer.start(pageDir);
    await seedPouchServer(pouch.url, POUCH_DATABASE, onServer);
    notes.push(
      `server data: the demo clinic's ${demo.length} patients plus ${toAdd} from the same seeded generator, ${onServer.length} in all; the PouchDB server holds the same ${onServer.length} documents.`,
    );

    step('first sync of a new device');
    const firstSync = await measureFirstSync(browser, {
      clinicPageUrl: pageUrl,
      pouchPageUrl: `${pouch.url}/__bench/index.html`,
      pouchDatabase: POUCH_DATABASE,
      patients: onServer.length,
      config: config.firstSync,
    });
    figures.push(...firstSync.figures);
    notes.push(...firstSync.notes);

    step('incremental sync between two tablets');
    figures.push(
      ...(await measureIncrementalSync(browser, {
        clinicPageUrl: pageUrl,
        pouchPageUrl: `${pouch.url}/__bench/index.html`,
        pouchDatabase: POUCH_DATABASE,
        patientIds: onServer.map((p) => p.id),
        config: config.incremental,
      })),
    );

    const deviceCount = Math.max(config.pull.devices, ...config.load.devices);
    step(`signing in ${deviceCount} simulated devices`);
    const clients: SyncClient[] = [];
    while (clients.length < deviceCount)
      clients.push(
        ...(await Promise.all([0, 1, 2, 3].map(() => SyncClient.signIn(server.url, FRONT_DESK)))),
      );

    step(`aggregate pull at ${config.pull.devices} devices`);
    const pull = await measurePullThroughput({
      clients,
      clinicPid: server.pid,
      pouchUrl: pouch.url,
      pouchPid: pouch.pid,
      pouchDatabase: POUCH_DATABASE,
      patients: onServer.length,
      config: config.pull,
    });
    figures.push(...pull.figures);
    notes.push(...pull.notes);

    step(`server under load: ${config.load.devices.join(', ')} live devices`);
    const load = await measureServerLoad({
      clients,
      // As the server holds them now (the incremental-sync edits changed some).
      patients: await allServerPatients(seeder),
      serverPid: server.pid,
      headSeq: async () => (await seeder.pullAll('patients', 0, 1000)).seq,
      config: config.load,
    });
    figures.push(...load.figures);
    notes.push(...load.notes);

    step('cold start of the installed app with the server unreachable');
    const coldStart = await measureColdStart(browser, {
      buildDir,
      patients: benchPatients(config.serverPatients, cacheDir),
      config: config.coldStart,
    });
    figures.push(...coldStart.figures);
    notes.push(...coldStart.notes);

    step('filing: recognising a scanned page, three camera shots to a PDF');
    const filing = await measureFiling(browser, { pageDir: filingPageDir, config: config.filing });
    figures.push(...filing.figures);
    notes.push(...filing.notes);

    step(`filing full-text search over ${config.filingSearch.documents} documents`);
    const filingSearch = await measureFilingSearch(browser, config.filingSearch);
    figures.push(...filingSearch.figures);
    notes.push(...filingSearch.notes);

    step('policies: a long policy opened offline, search, acknowledgments, the report');
    const policies = await measurePolicies(browser, config.policies);
    figures.push(...policies.figures);
    notes.push(...policies.notes);
  } finally {
    await browser.close();
    await pouch?.stop();
    await server.dispose();
  }

  const report: BenchReport = {
    mode: quick ? 'quick' : 'full',
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine: { ...machineAtStart, loadAtEnd: currentLoad() },
    figures,
    notes,
  };
  console.log(formatMachine(report.machine));
  console.log('');
  console.log(formatTable(figures));
  console.log('');
  for (const note of notes) console.log(`- ${note}`);
  console.log('');
  console.log(JSON.stringify(report, null, 2));
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, quick ? 'bench-quick.json' : 'bench.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  step(`written to ${file}`);
}

await main();
