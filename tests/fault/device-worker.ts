/**
 * One simulated device, alone in its own worker thread, as on its own tablet: RxDB's free build
 * opens at most 13 collections per process (COL23 past it), and that limit is now per device,
 * so each device opens the app's whole database — every replicated collection, through the
 * app's own `openClinicDatabase` — and replicates every one its role may read, with the app's
 * own replication and outbox. The scenario (main thread) sends it commands and gets back small
 * answers (device-protocol.ts, driven by device-thread.ts).
 *
 * How this file runs: not through Vitest. A worker thread loads its entry with Node's own
 * loader, so this file and everything it imports run as Node 24 runs the server
 * (`node sync-server/src/main.ts`) and `pnpm run fault:seeds`: types stripped natively
 * (erasable syntax only, which tsconfig.base.json enforces with `erasableSyntaxOnly`), imports
 * resolved by Node. That resolution is the same as the test's: `@clinicdesk/shared/...` is a
 * workspace package (tests/node_modules links it; its `exports` map `./*` to `src/*`, and Node
 * follows the link to a path outside node_modules, where it strips types), and the web code is
 * imported by relative path (web/src/lib/db, web/src/lib/sync, web/src/lib/blobs), which uses
 * no SvelteKit aliases (`$lib`, `$app`) — the fault project in vite.config.ts has none either.
 * Should a web module the device loads ever import one, the worker fails at start with Node's
 * ERR_MODULE_NOT_FOUND naming it, and the scenario fails with that message (device-thread.ts),
 * never silently. `#lib/...` would work: web/package.json maps it for Node as well.
 */
import 'fake-indexeddb/auto';
import { COLLECTION_NAMES } from '@clinicdesk/shared/sync/collection-names.ts';
import { canonicalJson } from '@clinicdesk/shared/sync/canonical-json.ts';
import { parentPort } from 'node:worker_threads';
import { SimDevice } from './device.ts';
import type { DeviceCall, DeviceCalls, DeviceMessage, DeviceRequest } from './device-protocol.ts';
import { digestOf, documentHashes } from './digest.ts';
import { DEFAULT_FAULT_RATES, FaultyNetwork, sleep } from './faulty-fetch.ts';
import { conflictKeysOf } from './observed-conflicts.ts';
import { Random } from './random.ts';
import type { TraceSink } from './trace.ts';
import { Workload } from './workload.ts';

const port = parentPort;
if (!port) throw new Error('device-worker.ts runs as a worker thread (see device-thread.ts)');

const send = (message: DeviceMessage) => port.postMessage(message);

/**
 * The app's outbox listens for the browser's `online` event on `window`; a worker has none. An
 * EventTarget stands in (it never fires: the scenario asks for retries instead, as reconnecting
 * does in the app).
 */
Object.assign(globalThis, { window: new EventTarget() });

type Running = {
  device: SimDevice;
  network: FaultyNetwork;
  workload: Workload;
  /** Conflict keys already reported to the scenario. */
  reported: Set<string>;
};
let running: Running | null = null;

function need(): Running {
  if (!running) throw new Error('the device is not open yet');
  return running;
}

async function conflictKeys(device: SimDevice): Promise<string[]> {
  const keys: string[] = [];
  for (const name of COLLECTION_NAMES)
    keys.push(...conflictKeysOf(name, await device.documents(name)));
  return keys;
}

async function newConflictKeys(run: Running): Promise<string[]> {
  const fresh = (await conflictKeys(run.device)).filter((key) => !run.reported.has(key));
  for (const key of fresh) run.reported.add(key);
  return fresh;
}

const handlers: {
  [K in DeviceCall]: (args: DeviceCalls[K]['args']) => Promise<DeviceCalls[K]['result']>;
} = {
  // prettier-ignore
  async open(init) {
    const rng = new Random(init.seed);
    const trace: TraceSink = {
      enabled: init.trace,
      log: (event) => {
        if (init.trace) send({ kind: 'trace', event });
      },
    };
    const network = new FaultyNetwork(DEFAULT_FAULT_RATES, trace);
    const networkRng = rng.fork('network');
    const real = globalThis.fetch;
    let deviceFetch: typeof fetch = real;
    // The app's own file requests (blob-api.ts) use the global fetch and relative paths: in this
    // thread, that is this device's way to the server.
    globalThis.fetch = (input, options) =>
      deviceFetch(typeof input === 'string' && input.startsWith('/') ? `${init.baseUrl}${input}` : input, options); // prettier-ignore
    const device = await SimDevice.open({
      index: init.index,
      runId: init.runId,
      baseUrl: init.baseUrl,
      credentials: init.credentials,
      fetchFor: (cookie) => (deviceFetch = network.fetchFor(init.index, networkRng, cookie)),
      rng: rng.fork('device'),
      clockMs: init.clockMs,
      pollMs: init.pollMs,
      dropConflictingEdits: init.dropConflictingEdits,
      uploads: true,
      trace,
    });
    const workload = new Workload({
      device,
      rng: rng.fork('workload'),
      busy: init.busy,
      mergePool: init.mergePool,
      trace,
    });
    running = { device, network, workload, reported: new Set() };
    return { deviceId: device.deviceId };
  },
  async initialSync() {
    await need().device.awaitInitialReplication();
    return null;
  },
  async network({ faults, offline }) {
    const { network, device } = need();
    if (faults === true) network.startFaults();
    if (faults === false) network.heal();
    if (offline !== undefined) network.setOffline(device.index, offline);
    return null;
  },
  async busy({ ids }) {
    need().workload.addBusy(ids);
    return null;
  },
  async step({ step, nowMs }) {
    return need().workload.act(step, nowMs);
  },
  async observe() {
    return newConflictKeys(need());
  },
  async poll() {
    const run = need();
    run.device.resync();
    run.device.retryUploads();
    await sleep(200);
    await run.network.drain();
    const pending = await run.device.pending();
    const digests: Record<string, string> = {};
    for (const name of run.device.replications.keys())
      digests[name] = digestOf(documentHashes(await run.device.documents(name)));
    return { pending, digests, conflicts: await newConflictKeys(run) };
  },
  async hashes() {
    const { device } = need();
    const out: Record<string, [string, string][]> = {};
    for (const name of device.replications.keys())
      out[name] = documentHashes(await device.documents(name));
    return out;
  },
  async documents({ keys }) {
    const { device } = need();
    const out: Record<string, string> = {};
    for (const key of keys) {
      const [collection = '', id = ''] = key.split('/');
      const doc = (await device.documents(collection)).find((d) => d.id === id);
      if (doc) out[key] = canonicalJson(doc);
    }
    return out;
  },
  async tally() {
    const { device, network } = need();
    const refused = await device.local.refusedChanges.toArray();
    return {
      network: network.counts,
      syncFailures: device.failures.count,
      refusedCount: refused.length,
      refused: refused.slice(0, 5),
    };
  },
  async close() {
    await running?.device.close();
    running = null;
    return null;
  },
};

port.on('message', (request: DeviceRequest) => {
  const handler = handlers[request.call] as (args: unknown) => Promise<unknown>;
  handler(request.args).then(
    (result) => send({ kind: 'reply', id: request.id, ok: true, result }),
    (error: unknown) =>
      send({
        kind: 'reply',
        id: request.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
