import { canonicalJson } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { SimDevice } from './device.ts';
import { type FaultyNetwork, sleep } from './faulty-fetch.ts';
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

/**
 * After the faults stop: keeps asking every device to pull until each has nothing left to push,
 * holds exactly the server's documents, and the server's state stays put for a few polls — or
 * the deadline passes, in which case what is still different is reported, not hidden.
 */
export async function awaitConvergence(deps: {
  devices: readonly SimDevice[];
  network: FaultyNetwork;
  baseUrl: string;
  auditor: { cookie: string; deviceId: string };
  conflicts: ObservedConflicts;
  deadlineMs: number;
}): Promise<Settled> {
  const started = Date.now();
  let stable = 0;
  let lastSeq = -1;
  for (;;) {
    for (const device of deps.devices) device.resync();
    await sleep(200);
    await deps.network.drain();
    const pending = await Promise.all(deps.devices.map((device) => device.pending()));
    const server = await readServerState(deps.baseUrl, deps.auditor);
    const divergent: Divergence[] = [];
    for (const device of deps.devices) {
      const docs = await device.documents();
      deps.conflicts.observe(device.index, docs);
      divergent.push(...compare(device.label, docs, server.docs));
    }
    const quiet = pending.every((n) => n === 0) && divergent.length === 0;
    stable = quiet && server.lastSeq === lastSeq ? stable + 1 : quiet ? 1 : 0;
    lastSeq = server.lastSeq;
    const elapsed = Date.now() - started;
    if (stable >= STABLE_POLLS || elapsed > deps.deadlineMs)
      return { converged: stable >= STABLE_POLLS, convergenceMs: elapsed, server, pending, divergent }; // prettier-ignore
  }
}

/** Documents where the device and the server differ (canonical JSON, tombstones included). */
function compare(
  device: string,
  docs: readonly WireDocument[],
  server: ReadonlyMap<string, WireDocument>,
): Divergence[] {
  const out: Divergence[] = [];
  const local = new Map(docs.map((doc) => [doc.id, canonicalJson(doc)]));
  for (const [id, doc] of server) {
    const mine = local.get(id) ?? '(missing)';
    const theirs = canonicalJson(doc);
    if (mine !== theirs) out.push({ device, docId: id, deviceHas: mine, serverHas: theirs });
  }
  for (const [id, mine] of local)
    if (!server.has(id)) out.push({ device, docId: id, deviceHas: mine, serverHas: '(missing)' });
  return out;
}
