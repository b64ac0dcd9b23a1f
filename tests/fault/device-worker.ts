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
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { parentPort } from 'node:worker_threads';
import { SimDevice } from './device.ts';
import type { DeviceCall, DeviceCalls, DeviceMessage, DeviceRequest } from './device-protocol.ts';
import { digestOf, documentHashes } from './digest.ts';
import { DEFAULT_FAULT_RATES, FaultyNetwork } from './faulty-fetch.ts';
import { conflictKeysOf } from './observed-conflicts.ts';
import { Random } from './random.ts';
import type { TraceSink } from './trace.ts';
import { Workload } from './workload.ts';

const port = parentPort;
if (!port) throw new Error('device-worker.ts runs as a worker thread (see device-thread.ts)');

const send = (message: DeviceMessage) => port.postMessage(message);

/**
 * The browser's `window`, for the one thing the device's sync listens for there: the `online`
 * event, on which the app's outbox retries its waiting files and RxDB's replication ends its wait
 * before retrying a failed push or pull (it waits `retryTime` otherwise). A worker has no window;
 * an EventTarget stands in, and fires `online` when this device's network comes back after a
 * partition, as a tablet's browser does when its Wi-Fi returns. Lost, repeated or late requests
 * fire nothing, as on a flaky network.
 */
const browserWindow = new EventTarget();
Object.assign(globalThis, { window: browserWindow });

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

/** Every document of every collection on the device, read once per look. */
async function allDocuments(device: SimDevice): Promise<Map<string, WireDocument[]>> {
  const out = new Map<string, WireDocument[]>();
  for (const name of COLLECTION_NAMES) out.set(name, await device.documents(name));
  return out;
}

function newConflictKeys(run: Running, docs: ReadonlyMap<string, WireDocument[]>): string[] {
  const keys = [...docs].flatMap(([name, inCollection]) => conflictKeysOf(name, inCollection));
  const fresh = keys.filter((key) => !run.reported.has(key));
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
    const wasOffline = network.isOffline(device.index);
    if (faults === false) network.heal();
    if (offline !== undefined) network.setOffline(device.index, offline);
    if (wasOffline && !network.isOffline(device.index)) browserWindow.dispatchEvent(new Event('online')); // prettier-ignore
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
    const run = need();
    return newConflictKeys(run, await allDocuments(run.device));
  },
  async poll({ withinMs }) {
    const run = need();
    run.device.resync();
    run.device.retryUploads();
    // Until every replication has pulled from its checkpoint and pushed what it holds, and no
    // repeated request is still on its way to the server.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, withinMs)));
    await Promise.race([Promise.all([run.device.awaitInSync(), run.network.drain()]), deadline]);
    clearTimeout(timer);
    const pending = await run.device.pending();
    const docs = await allDocuments(run.device);
    const digests: Record<string, string> = {};
    for (const name of run.device.replications.keys())
      digests[name] = digestOf(documentHashes(docs.get(name) ?? []));
    return { pending, digests, conflicts: newConflictKeys(run, docs) };
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
