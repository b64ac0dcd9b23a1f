import { canonicalJson } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { DeviceThread } from './device-thread.ts';
import { digestOf, documentHashes } from './digest.ts';
import { docKey } from './ledger.ts';
import type { ObservedConflicts } from './observed-conflicts.ts';
import { readServerState, type ServerState } from './server-state.ts';

export type Divergence = { device: string; docId: string; deviceHas: string; serverHas: string };

export type Settled = {
  converged: boolean;
  convergenceMs: number;
  server: ServerState;
  pending: number[];
  divergent: Divergence[];
};

/** Consecutive polls that must agree before the system counts as settled. */
const STABLE_POLLS = 2;
/** Documents of a divergent device shown in full in the report. */
const EXAMPLES = 5;

/**
 * After the faults stop: keeps asking every device to pull (and to send its waiting files) — each
 * ask answered once the device's replications are in sync, not after a fixed pause — until
 * each has nothing left to push or upload, holds exactly the server's documents in every
 * collection it replicates, and the server's state stays put for a few polls — or the deadline
 * passes, in which case what is still different is reported, not hidden. Devices are compared
 * by digest (digest.ts); documents cross from a worker only to describe a difference.
 */
export async function awaitConvergence(deps: {
  devices: readonly DeviceThread[];
  baseUrl: string;
  auditor: { cookie: string; deviceId: string };
  conflicts: ObservedConflicts;
  deadlineMs: number;
}): Promise<Settled> {
  const started = Date.now();
  let stable = 0;
  let lastSeq = -1;
  let server: ServerState | undefined;
  for (;;) {
    const withinMs = Math.max(1_000, deps.deadlineMs - (Date.now() - started));
    const polls = await Promise.all(deps.devices.map((device) => device.call('poll', { withinMs }))); // prettier-ignore
    const now = await readServerState(deps.baseUrl, deps.auditor, server);
    server = now;
    const serverDigests = new Map(
      [...now.collections].map(([name, docs]) => [name, digestOf(documentHashes(docs.values()))]), // prettier-ignore
    );
    const behind = deps.devices.filter(
      (device, i) =>
      Object.entries(polls[i]?.digests ?? {}).some(([name, digest]) => serverDigests.get(name) !== digest), // prettier-ignore
    );
    for (const [i, poll] of polls.entries()) deps.conflicts.observe(i, poll.conflicts);
    const pending = polls.map((poll) => poll.pending);
    const quiet = pending.every((n) => n === 0) && behind.length === 0;
    stable = quiet && now.lastSeq === lastSeq ? stable + 1 : quiet ? 1 : 0;
    lastSeq = now.lastSeq;
    const elapsed = Date.now() - started;
    if (stable >= STABLE_POLLS || elapsed > deps.deadlineMs) {
      const divergent = (await Promise.all(behind.map((device) => differences(device, now)))).flat(); // prettier-ignore
      return { converged: stable >= STABLE_POLLS, convergenceMs: elapsed, server: now, pending, divergent }; // prettier-ignore
    }
  }
}

/** Documents where the device and the server differ (canonical JSON, tombstones included). */
async function differences(device: DeviceThread, server: ServerState): Promise<Divergence[]> {
  const out: Divergence[] = [];
  for (const [name, hashes] of Object.entries(await device.call('hashes', null))) {
    const docs = server.collections.get(name) ?? new Map();
    const theirs = new Map(documentHashes(docs.values()));
    const mine = new Map(hashes);
    for (const id of new Set([...mine.keys(), ...theirs.keys()]))
      if (mine.get(id) !== theirs.get(id)) {
        const doc = docs.get(id);
        out.push({
          device: device.label,
          docId: docKey(name, id),
          deviceHas: mine.has(id) ? `(hash ${mine.get(id)})` : '(missing)',
          serverHas: doc ? canonicalJson(doc) : '(missing)',
        });
      }
  }
  const shown = await device.call('documents', { keys: out.slice(0, EXAMPLES).map((d) => d.docId) }); // prettier-ignore
  for (const divergence of out) divergence.deviceHas = shown[divergence.docId] ?? divergence.deviceHas; // prettier-ignore
  return out;
}
