import { coresUsed, sampleCpu } from '../process-usage.ts';
import { figure, type Figure } from '../report.ts';
import { median } from '../stats.ts';
import type { SyncClient } from '../sync-client.ts';
import { PULL_BATCH_SIZE } from '../../../web/src/lib/sync/replication.ts';

export type PullConfig = { devices: number; rounds: number };

/** PouchDB's pull replicator's requests, minus its checkpoint writes: `_changes`, then `_bulk_get`. */
async function pouchPullAll(pouchUrl: string, database: string): Promise<number> {
  const BATCH = 100; // PouchDB's default batch_size
  let since: string | number = 0;
  let count = 0;
  for (;;) {
    const changes = (await (
      await fetch(`${pouchUrl}/${database}/_changes?style=all_docs&since=${since}&limit=${BATCH}`)
    ).json()) as {
      results: { id: string; changes: { rev: string }[] }[];
      last_seq: string | number;
    };
    if (changes.results.length === 0) return count;
    const response = await fetch(`${pouchUrl}/${database}/_bulk_get?revs=true&latest=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        docs: changes.results.map((r) => ({ id: r.id, rev: r.changes[0]!.rev })),
      }),
    });
    const got = (await response.json()) as { results: { docs: unknown[] }[] };
    count += got.results.length;
    since = changes.last_seq;
  }
}

async function timed(pid: number, pulls: (() => Promise<number>)[], expected: number) {
  const cpuFrom = sampleCpu(pid);
  const started = performance.now();
  const counts = await Promise.all(pulls.map((pull) => pull()));
  const seconds = (performance.now() - started) / 1000;
  for (const count of counts)
    if (count !== expected)
      throw new Error(`a device pulled ${count} documents, expected ${expected}`);
  const cores = coresUsed(cpuFrom, sampleCpu(pid));
  const docs = expected * pulls.length;
  return { docsPerSecond: docs / seconds, cores, cpuMsPer1000: (cores * seconds * 1e6) / docs };
}

/**
 * `devices` devices pulling every patient at once from an empty checkpoint, in the batches each
 * system's replicator uses: the ClinicDesk server against the PouchDB server with the same data.
 */
export async function measurePullThroughput(options: {
  clients: SyncClient[];
  clinicPid: number;
  pouchUrl: string;
  pouchPid: number;
  pouchDatabase: string;
  patients: number;
  config: PullConfig;
}): Promise<{ figures: Figure[]; notes: string[] }> {
  const { devices, rounds } = options.config;
  const clients = options.clients.slice(0, devices);
  const clinicPull = (client: SyncClient) => async () =>
    (await client.pullAll('patients', 0, PULL_BATCH_SIZE)).count;
  const pouchPull = () => pouchPullAll(options.pouchUrl, options.pouchDatabase);
  // Warm-up: one device each, untimed.
  await clinicPull(clients[0]!)();
  await pouchPull();
  type Round = Awaited<ReturnType<typeof timed>>;
  const clinic: Round[] = [];
  const pouch: Round[] = [];
  for (let round = 0; round < rounds; round++) {
    clinic.push(await timed(options.clinicPid, clients.map(clinicPull), options.patients));
    pouch.push(
      await timed(
        options.pouchPid,
        clients.map(() => pouchPull),
        options.patients,
      ),
    );
  }
  const clinicRate = median(clinic.map((r) => r.docsPerSecond));
  const pouchRate = median(pouch.map((r) => r.docsPerSecond));
  return {
    figures: [
      figure(
        `aggregate pull, ${devices} devices at once (median of ${rounds})`,
        'docs/s',
        clinicRate,
        { name: 'PouchDB server, same data and devices', value: pouchRate },
        (r) => ({ text: '≥ 5× the PouchDB server', met: r !== null && r >= 5 }),
      ),
      // Server CPU per document served: what the rate would be on an otherwise idle machine.
      figure(
        `server CPU per 1,000 documents pulled, ${devices} devices`,
        'ms',
        median(clinic.map((r) => r.cpuMsPer1000)),
        { name: 'PouchDB server, same pulls', value: median(pouch.map((r) => r.cpuMsPer1000)) },
      ),
    ],
    notes: [
      `aggregate pull: ClinicDesk server ${clinic.map((r) => Math.round(r.docsPerSecond)).join(', ')} docs/s using ${clinic.map((r) => r.cores.toFixed(2)).join(', ')} cores; PouchDB server ${pouch.map((r) => Math.round(r.docsPerSecond)).join(', ')} docs/s using ${pouch.map((r) => r.cores.toFixed(2)).join(', ')} cores (ClinicDesk pages of ${PULL_BATCH_SIZE} as the app asks; PouchDB _changes + _bulk_get in batches of 100 as its replicator does, without its checkpoint writes).`,
    ],
  };
}
