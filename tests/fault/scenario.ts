import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import type { FaultConfig } from './config.ts';
import { awaitConvergence } from './converge.ts';
import { SimDevice } from './device.ts';
import { DEFAULT_FAULT_RATES, FaultyNetwork, sleep } from './faulty-fetch.ts';
import { conflictsOf, Ledger } from './ledger.ts';
import { ObservedConflicts } from './observed-conflicts.ts';
import { Random } from './random.ts';
import type { FaultReport } from './report.ts';
import { readServerState } from './server-state.ts';
import { signIn } from './session.ts';
import { SimClock } from './sim-clock.ts';
import { Trace } from './trace.ts';
import type { StoreVariant } from './stores.ts';
import { Workload } from './workload.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';

const EXAMPLES = 5;

/**
 * One seeded run against one store: a real server process, N devices running the app's own
 * database and replication code over a faulty network, a workload, partitions and server
 * SIGKILLs; then healing, and the final comparison of every device and every write with the
 * server's state.
 */
export async function runScenario(config: FaultConfig, store: StoreVariant): Promise<FaultReport> {
  const started = Date.now();
  const rng = new Random(config.seed);
  const runId = `${store.name}${config.seed}`;
  const prepared = await store.prepare();
  const trace = new Trace(config.trace, `${store.name}-${config.seed}`);
  const devices: SimDevice[] = [];
  let server: ClinicServer | undefined;
  try {
    server = await ClinicServer.start({ env: prepared.env });
    const network = new FaultyNetwork(DEFAULT_FAULT_RATES, trace);
    const clock = new SimClock(rng.fork('clock'), config.devices);
    for (let index = 0; index < config.devices; index++) {
      devices.push(
        await SimDevice.open({
          index,
          runId,
          baseUrl: server.url,
          credentials: index % 2 === 0 ? FRONT_DESK : OFFICE_MANAGER,
          fetchFor: (cookie) => network.fetchFor(index, rng.fork(`network-${index}`), cookie),
          rng: rng.fork(`device-${index}`),
          clockMs: clock.nowMs(index, 0),
          pollMs: config.pollMs,
          dropConflictingEdits: config.selfTestDropHandler,
          trace,
        }),
      );
    }
    // Every device starts with the demo clinic on it, as after a first sign-in.
    await Promise.all(devices.map((d) => d.replication.state.awaitInitialReplication()));

    // The checker reads the server like one more device, over a fault-free connection.
    const auditorId = uuidv7(clock.nowMs(0, 0), rng.fork('auditor').bytes(10));
    const auditor = {
      cookie: (await signIn(server.url, OFFICE_MANAGER, auditorId)).cookie,
      deviceId: auditorId,
    };
    const seeded = [...(await readServerState(server.url, auditor)).docs.keys()].sort();
    const busy = Array.from({ length: 10 }, () => rng.pick(seeded));

    const ledger = new Ledger();
    const conflicts = new ObservedConflicts();
    const workload = new Workload({ rng: rng.fork('workload'), ledger, clock, busy, trace });
    const faults = await runFaultyPhase({ config, rng, devices, network, server, workload, conflicts, trace }); // prettier-ignore

    // Healing: everyone online, every request delivered once, the server up.
    network.heal();
    trace.log({ healed: true });
    const settled = await awaitConvergence({
      devices,
      network,
      baseUrl: server.url,
      auditor,
      conflicts,
      deadlineMs: config.convergeDeadlineMs,
    });

    const serverDocs = settled.server.docs;
    // Rows the server refused for good: the app keeps them aside on the device.
    const refused = (
      await Promise.all(devices.map((d) => d.local.refusedChanges.toArray()))
    ).flat();
    const lost = ledger.lost(serverDocs);
    const dropped = conflicts.dropped(serverDocs);
    const recorded = [...serverDocs.values()].flatMap(conflictsOf);
    const spurious = ledger.spuriousConflicts(serverDocs);
    return {
      suite: 'fault-convergence',
      seed: config.seed,
      store: store.name,
      selfTestDropHandler: config.selfTestDropHandler,
      devices: devices.length,
      steps: config.steps,
      ops: workload.counts,
      writes: ledger.writes.length,
      faults: { ...network.counts, ...faults },
      syncFailures: devices.reduce((sum, d) => sum + d.failures.count, 0),
      converged: settled.converged,
      convergenceMs: settled.convergenceMs,
      durationMs: Date.now() - started,
      serverDocuments: serverDocs.size,
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
      refusedRows: refused.length,
      examples: {
        refused: refused.slice(0, EXAMPLES),
        lost: lost.slice(0, EXAMPLES).map((w) => ({ ...w, onServer: serverDocs.get(w.docId) })),
        divergent: [
          ...settled.pending.flatMap((n, i) => (n > 0 ? [{ device: `d${i}`, pending: n }] : [])),
          ...settled.divergent.slice(0, EXAMPLES),
        ],
        conflictsDropped: dropped.slice(0, EXAMPLES),
        spuriousConflicts: spurious.slice(0, 2),
      },
    };
  } finally {
    for (const device of devices) await device.close();
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
  devices: readonly SimDevice[];
  network: FaultyNetwork;
  server: ClinicServer;
  workload: Workload;
  conflicts: ObservedConflicts;
  trace: Trace;
}): Promise<{ partitions: number; serverKills: number }> {
  const { config, devices, network, server, workload, trace } = deps;
  const rng = deps.rng.fork('faults');
  const killAt = new Set(
    Array.from({ length: config.kills }, (_, k) => {
      const slot = config.steps / (config.kills + 1);
      return Math.round(slot * (k + 1) + rng.int(-slot / 3, slot / 3));
    }),
  );
  const backOnlineAt = new Map<number, number>();
  let partitions = 0;
  let serverKills = 0;
  let restart: Promise<void> = Promise.resolve();

  network.startFaults();
  for (let step = 1; step <= config.steps; step++) {
    for (const [device, at] of backOnlineAt)
      if (at <= step) {
        network.setOffline(device, false);
        backOnlineAt.delete(device);
        trace.log({ step, online: device });
      }
    if (rng.chance(0.03) && network.offlineCount < Math.floor(devices.length / 2)) {
      const device = rng.int(0, devices.length - 1);
      if (!network.isOffline(device)) {
        partitions++;
        network.setOffline(device, true);
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

    await workload.step(rng.pick(devices), step);
    if (step % 20 === 0)
      for (const device of devices) deps.conflicts.observe(device.index, await device.documents());
    await sleep(rng.int(0, config.maxPauseMs));
  }
  await restart;
  return { partitions, serverKills };
}
