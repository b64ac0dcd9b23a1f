import { createHash } from 'node:crypto';
import { blobReferences } from '@clinicdesk/shared/blobs/blob-references.ts';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { partitionOf } from '@clinicdesk/shared/registry/partitions.ts';
import { DEVICE_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION, type WireDocument } from '@clinicdesk/shared/sync/protocol.ts'; // prettier-ignore
import type { FaultConfig } from './config.ts';
import { awaitConvergence } from './converge.ts';
import { DeviceThread } from './device-thread.ts';
import { sleep, type NetworkCounts } from './faulty-fetch.ts';
import { conflictsOf, Ledger } from './ledger.ts';
import { ObservedConflicts } from './observed-conflicts.ts';
import { Random } from './random.ts';
import type { FaultReport } from './report.ts';
import { readServerState } from './server-state.ts';
import { signIn } from './session.ts';
import { SimClock } from './sim-clock.ts';
import { Trace } from './trace.ts';
import type { StoreVariant } from './stores.ts';
import { emptyCounts, type WorkloadCounts } from './workload.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';

const EXAMPLES = 5;

/**
 * One seeded run against one store: a real server process, N devices — each in its own worker
 * thread, running the app's own database, replication and outbox over a faulty network — a
 * workload across every replicated collection, partitions and server SIGKILLs; then healing,
 * and the final comparison of every device and every write with the server's state.
 */
export async function runScenario(config: FaultConfig, store: StoreVariant): Promise<FaultReport> {
  const started = Date.now();
  const rng = new Random(config.seed);
  const runId = `${store.name}${config.seed}`;
  const prepared = await store.prepare();
  const trace = new Trace(config.trace, `${store.name}-${config.seed}`);
  // Each worker loads the device's modules (about a second's work) while the server starts.
  const devices = Array.from({ length: config.devices }, (_, i) => DeviceThread.start(i, trace));
  let server: ClinicServer | undefined;
  try {
    server = await ClinicServer.start({ env: prepared.env });
    const baseUrl = server.url;
    const clock = new SimClock(rng.fork('clock'), config.devices);

    // The checker reads the server like one more device, over a fault-free connection.
    const auditorId = uuidv7(clock.nowMs(0, 0), rng.fork('auditor').bytes(10));
    const auditor = {
      cookie: (await signIn(server.url, OFFICE_MANAGER, auditorId)).cookie,
      deviceId: auditorId,
    };
    // The demo clinic's patients (the partition may hold other kinds: chart merges).
    const demo = (await readServerState(server.url, auditor)).collections.get(partitionOf('patient')); // prettier-ignore
    const seeded = [...(demo?.values() ?? [])].filter((doc) => doc.kind === 'patient').map((doc) => doc.id).sort(); // prettier-ignore
    const picks = rng.fork('records');
    const busy = Array.from({ length: 10 }, () => picks.pick(seeded));
    const mergePool = Array.from({ length: 8 }, () => picks.pick(seeded)).filter((id) => !busy.includes(id)); // prettier-ignore

    // The devices sign in at once, as a clinic's tablets do at opening time (several of them
    // to one account).
    await Promise.all(
      devices.map((device) =>
        device.open({
          index: device.index,
          runId,
          baseUrl,
          credentials: device.index % 2 === 0 ? FRONT_DESK : OFFICE_MANAGER,
          seed: rng.fork(`device-${device.index}`).uint32(),
          clockMs: clock.nowMs(device.index, 0),
          pollMs: config.pollMs,
          dropConflictingEdits: config.selfTestDropHandler,
          trace: trace.enabled,
          mergePool,
          busy,
        }),
      ),
    );
    // Every device starts with the demo clinic on it, as after a first sign-in.
    await Promise.all(devices.map((d) => d.call('initialSync', null)));
    const workloadStarted = Date.now();

    const ledger = new Ledger();
    const conflicts = new ObservedConflicts();
    const ops = emptyCounts();
    const faults = await runFaultyPhase({ config, rng, devices, server, clock, ledger, ops, conflicts, trace }); // prettier-ignore

    const healingStarted = Date.now();
    // Healing: everyone online, every request delivered once, the server up.
    await Promise.all(devices.map((d) => d.call('network', { faults: false, offline: false })));
    trace.log({ healed: true });
    const settled = await awaitConvergence({
      devices,
      baseUrl: server.url,
      auditor,
      conflicts,
      deadlineMs: config.convergeDeadlineMs,
    });

    const serverDocs = settled.server.docs;
    const tallies = await Promise.all(devices.map((d) => d.call('tally', null)));
    // Rows the server refused for good: the app keeps them aside on the device.
    const refused = tallies.flatMap((t) => t.refused);
    const lost = ledger.lost(serverDocs);
    const dropped = conflicts.dropped(serverDocs);
    const recorded = [...serverDocs.values()].flatMap(conflictsOf);
    const spurious = ledger.spuriousConflicts(serverDocs);
    const files = await checkFiles(server.url, auditor, serverDocs.values());
    return {
      suite: 'fault-convergence',
      seed: config.seed,
      store: store.name,
      selfTestDropHandler: config.selfTestDropHandler,
      devices: devices.length,
      steps: config.steps,
      ops,
      writes: ledger.writes.length,
      writesByCollection: countBy(ledger.writes.map((w) => w.collection)),
      faults: { ...sumCounts(tallies.map((t) => t.network)), ...faults },
      syncFailures: tallies.reduce((sum, t) => sum + t.syncFailures, 0),
      converged: settled.converged,
      convergenceMs: settled.convergenceMs,
      durationMs: Date.now() - started,
      phasesMs: {
        start: workloadStarted - started,
        workload: healingStarted - workloadStarted,
        healing: settled.convergenceMs,
      },
      serverDocuments: serverDocs.size,
      serverDocumentsByCollection: Object.fromEntries(
        [...settled.server.collections].map(([name, docs]) => [name, docs.size]),
      ),
      filesReferenced: files.referenced,
      filesMissing: files.missing.length,
      conflictsRecorded: {
        open: recorded.filter((c) => c.status === 'open').length,
        settled: recorded.filter((c) => c.status === 'settled').length,
        spurious: spurious.length,
      },
      conflictsObserved: conflicts.count,
      lost: lost.length,
      divergentDevices: new Set(settled.divergent.map((d) => d.device)).size,
      divergentDocuments: new Set(settled.divergent.map((d) => d.docId)).size,
      conflictsDropped: dropped.length,
      refusedRows: tallies.reduce((sum, t) => sum + t.refusedCount, 0),
      examples: {
        refused: refused.slice(0, EXAMPLES),
        lost: lost.slice(0, EXAMPLES).map((w) => ({ ...w, onServer: serverDocs.get(`${w.collection}/${w.docId}`) })), // prettier-ignore
        divergent: [
          ...settled.pending.flatMap((n, i) => (n > 0 ? [{ device: `d${i}`, pending: n }] : [])),
          ...settled.divergent.slice(0, EXAMPLES),
        ],
        conflictsDropped: dropped.slice(0, EXAMPLES),
        spuriousConflicts: spurious.slice(0, 2),
        filesMissing: files.missing.slice(0, EXAMPLES),
      },
    };
  } finally {
    // A device that fails to close must not keep the others (or the server) running.
    await Promise.allSettled(devices.map((device) => device.close()));
    await server?.dispose();
    await prepared.cleanup();
  }
}

/**
 * The workload with faults on: each step one device acts; devices drop off the network and come
 * back; the server is killed a few times and restarted on the same data while devices carry on.
 */
async function runFaultyPhase(deps: {
  config: FaultConfig;
  rng: Random;
  devices: readonly DeviceThread[];
  server: ClinicServer;
  clock: SimClock;
  ledger: Ledger;
  ops: WorkloadCounts;
  conflicts: ObservedConflicts;
  trace: Trace;
}): Promise<{ partitions: number; serverKills: number }> {
  const { config, devices, server, clock, ledger, ops, trace } = deps;
  const rng = deps.rng.fork('faults');
  const killAt = new Set(
    Array.from({ length: config.kills }, (_, k) => {
      const slot = config.steps / (config.kills + 1);
      return Math.round(slot * (k + 1) + rng.int(-slot / 3, slot / 3));
    }),
  );
  const offline = new Set<number>();
  const backOnlineAt = new Map<number, number>();
  let partitions = 0;
  let serverKills = 0;
  let restart: Promise<void> = Promise.resolve();
  const told: Promise<null>[] = [];

  await Promise.all(devices.map((d) => d.call('network', { faults: true })));
  for (let step = 1; step <= config.steps; step++) {
    for (const [device, at] of backOnlineAt)
      if (at <= step) {
        await devices[device]!.call('network', { offline: false });
        offline.delete(device);
        backOnlineAt.delete(device);
        trace.log({ step, online: device });
      }
    if (rng.chance(0.03) && offline.size < Math.floor(devices.length / 2)) {
      const device = rng.int(0, devices.length - 1);
      if (!offline.has(device)) {
        partitions++;
        offline.add(device);
        await devices[device]!.call('network', { offline: true });
        // Mostly short outages; now and then a device stays away for a long stretch.
        backOnlineAt.set(device, step + (rng.chance(0.2) ? rng.int(80, 160) : rng.int(10, 50)));
        trace.log({ step, offline: device });
      }
    }
    if (killAt.has(step)) {
      await restart;
      await server.kill();
      serverKills++;
      trace.log({ step, server: 'killed' });
      const downMs = rng.int(100, 1_500);
      // Devices keep working while the server is down; it comes back on the same data.
      restart = sleep(downMs)
        .then(() => server.launch())
        .then(() => trace.log({ server: 'restarted' }));
      // Awaited before the next kill and at the end; a failed restart fails the run there.
      restart.catch(() => undefined);
    }

    const device = rng.pick(devices);
    const result = await device.call('step', { step, nowMs: clock.nowMs(device.index, step) });
    ops[result.op]++;
    for (const write of result.writes) ledger.record(write);
    // Not awaited: a worker handles its messages in order, so each device has the new records
    // before its next step; the answers are collected at the end (a failure fails the run).
    if (result.created.length > 0)
      for (const other of devices)
        if (other !== device) {
          const answer = other.call('busy', { ids: result.created });
          answer.catch(() => undefined); // seen at the end, not as an unhandled rejection now
          told.push(answer);
        }
    if (step % 20 === 0) {
      const seen = await Promise.all(devices.map((d) => d.call('observe', null)));
      for (const [index, keys] of seen.entries()) deps.conflicts.observe(index, keys);
    }
    await sleep(rng.int(0, config.maxPauseMs));
  }
  await restart;
  await Promise.all(told);
  return { partitions, serverKills };
}

/**
 * Every file a live record on the server refers to, read back as the office manager would
 * (GET /api/blobs/:sha256, over a fault-free connection): there, and the very bytes referred to.
 */
async function checkFiles(
  baseUrl: string,
  auditor: { cookie: string; deviceId: string },
  docs: Iterable<WireDocument>,
): Promise<{ referenced: number; missing: { sha256: string; status: number }[] }> {
  const refs = new Set<string>();
  for (const doc of docs) if (!doc._deleted) for (const sha of blobReferences(doc)) refs.add(sha);
  const missing: { sha256: string; status: number }[] = [];
  for (const sha256 of refs) {
    const response = await fetch(`${baseUrl}/api/blobs/${sha256}`, {
      headers: {
        cookie: auditor.cookie,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        [DEVICE_HEADER]: auditor.deviceId,
      },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (!response.ok || hash !== sha256) missing.push({ sha256, status: response.status });
  }
  return { referenced: refs.size, missing };
}

function sumCounts(all: readonly NetworkCounts[]): NetworkCounts {
  const total = { requests: 0, droppedRequests: 0, droppedResponses: 0, duplicated: 0, reordered: 0, delayed: 0, refusedWhileOffline: 0 }; // prettier-ignore
  for (const counts of all)
    for (const key of Object.keys(total) as (keyof NetworkCounts)[]) total[key] += counts[key];
  return total;
}

function countBy(names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = (out[name] ?? 0) + 1;
  return out;
}
