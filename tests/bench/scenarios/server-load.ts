import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { letters } from '../../fault/workload.ts';
import { coresUsed, sampleCpu, watchMemory } from '../process-usage.ts';
import { figure, type Figure } from '../report.ts';
import { summarize } from '../stats.ts';
import type { SyncClient } from '../sync-client.ts';
import { PULL_BATCH_SIZE } from '../../../web/src/lib/sync/replication.ts';

export type LoadConfig = { devices: number[]; warmupMs: number; durationMs: number };

type DeviceStats = {
  pushes: number;
  latencies: number[];
  pulled: number;
  conflicts: number;
  errors: number;
};

/**
 * `devices` simulated devices on live sync: each holds the event stream open, pulls when told
 * of a change (one pull at a time, like RxDB's replication), and pushes an edit of its own
 * patient as soon as the previous push was answered (a closed loop: the server's capacity).
 */
async function runLoad(
  clients: SyncClient[],
  /** Each device's patient as the server holds it; updated as the device's edits are accepted. */
  patients: WireDocument[],
  serverPid: number,
  startSeq: number,
  config: { warmupMs: number; durationMs: number },
) {
  let measuring = false;
  let stopping = false;
  const stats: DeviceStats[] = [];
  const streams = clients.map((client, i) => {
    const mine: DeviceStats = { pushes: 0, latencies: [], pulled: 0, conflicts: 0, errors: 0 };
    stats.push(mine);
    let seq = startSeq;
    let pulling = false;
    let again = false;
    const pull = async () => {
      if (pulling) {
        again = true;
        return;
      }
      pulling = true;
      try {
        do {
          again = false;
          const result = await client.pullAll('patients', seq, PULL_BATCH_SIZE);
          seq = result.seq;
          if (measuring) mine.pulled += result.count;
        } while (again && !stopping);
      } catch {
        if (!stopping) mine.errors++;
      } finally {
        pulling = false;
      }
    };
    const stream = client.openStream((event) => {
      if (event.type !== 'heartbeat' && !stopping) void pull();
    });
    const state = { ended: false };
    void stream.closed.then(() => (state.ended = true));
    let current = patients[i]!;
    const pushing = (async () => {
      await stream.opened;
      let n = 0;
      while (!stopping) {
        const next = {
          ...current,
          middleName: `Load ${letters(i)} ${letters(n++)}`,
          updatedAt: new Date().toISOString(),
        };
        const started = performance.now();
        const countIt = measuring;
        try {
          const answer = await client.push('patients', [
            { assumedMasterState: current, newDocumentState: next },
          ]);
          if (answer.conflicts[0]) {
            mine.conflicts++;
            current = answer.conflicts[0];
          } else current = next;
          patients[i] = current;
        } catch {
          if (!stopping) mine.errors++;
          continue;
        }
        // Throughput counts the answers inside the window; latency every push sent inside it,
        // however long its answer took (dropping the slow ones would flatter the p99).
        if (measuring) mine.pushes++;
        if (countIt) mine.latencies.push(performance.now() - started);
      }
    })();
    return { stream, pushing, state };
  });
  await Promise.all(streams.map((s) => s.stream.opened));
  await new Promise((resolve) => setTimeout(resolve, config.warmupMs));
  const memory = watchMemory(serverPid);
  const cpuFrom = sampleCpu(serverPid);
  const clientCpuFrom = process.cpuUsage();
  const wallFrom = performance.now();
  measuring = true;
  await new Promise((resolve) => setTimeout(resolve, config.durationMs));
  measuring = false;
  const seconds = (performance.now() - wallFrom) / 1000;
  const cpu = coresUsed(cpuFrom, sampleCpu(serverPid));
  const clientCpu = process.cpuUsage(clientCpuFrom);
  const peakMiB = memory.stop();
  // Every stream must still be open at the end: the server held every device.
  const open = streams.filter((s) => !s.state.ended).length;
  stopping = true;
  for (const s of streams) s.stream.close();
  await Promise.all(streams.map((s) => s.pushing));
  await Promise.all(streams.map((s) => s.stream.closed));
  const latencies = stats.flatMap((s) => s.latencies);
  const pushes = stats.reduce((sum, s) => sum + s.pushes, 0);
  return {
    pushesPerSecond: pushes / seconds,
    pushes,
    cpuSeconds: cpu * seconds,
    latency: latencies.length ? summarize(latencies) : null,
    pulledPerSecond: stats.reduce((sum, s) => sum + s.pulled, 0) / seconds,
    conflicts: stats.reduce((sum, s) => sum + s.conflicts, 0),
    errors: stats.reduce((sum, s) => sum + s.errors, 0),
    open,
    cpu,
    clientCores: (clientCpu.user + clientCpu.system) / 1e6 / seconds,
    peakMiB,
  };
}

export async function measureServerLoad(options: {
  clients: SyncClient[];
  patients: WireDocument[];
  serverPid: number;
  headSeq: () => Promise<number>;
  config: LoadConfig;
}): Promise<{ figures: Figure[]; notes: string[] }> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const states = [...options.patients];
  for (const devices of options.config.devices) {
    const result = await runLoad(
      options.clients.slice(0, devices),
      states,
      options.serverPid,
      await options.headSeq(),
      options.config,
    );
    const label = `${devices} live device${devices === 1 ? '' : 's'}`;
    figures.push(figure(`server, ${label}: pushes per second`, 'pushes/s', result.pushesPerSecond));
    figures.push(
      figure(`server, ${label}: push p99 latency`, 'ms', result.latency?.p99 ?? Number.NaN),
    );
    figures.push(figure(`server, ${label}: server CPU (cores busy)`, 'cores', result.cpu));
    // CPU time per push (its fan-out to every stream and the pulls it causes included) depends
    // far less on what else the machine runs than the rates do.
    figures.push(
      figure(
        `server, ${label}: server CPU per accepted push`,
        'ms',
        (result.cpuSeconds * 1000) / Math.max(result.pushes, 1),
      ),
    );
    figures.push(figure(`server, ${label}: server peak resident memory`, 'MiB', result.peakMiB));
    figures.push(
      figure(
        `server, ${label}: live streams still open at the end`,
        'devices',
        result.open,
        undefined,
        (_r, value) => ({
          text: devices === 200 ? 'one process holds 200 live devices' : `holds all ${devices}`,
          met: value === devices && result.errors === 0,
        }),
      ),
    );
    notes.push(
      `load, ${label}: push median ${result.latency?.median.toFixed(1) ?? '–'} ms, ${Math.round(result.pulledPerSecond)} documents/s pulled by devices after change events, ${result.conflicts} conflicts, ${result.errors} failed requests; the simulated devices (one Node process on the same machine) used ${result.clientCores.toFixed(2)} cores.`,
    );
  }
  return { figures, notes };
}
