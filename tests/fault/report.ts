import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NetworkCounts } from './faulty-fetch.ts';
import type { WorkloadCounts } from './workload.ts';

/** One run's outcome (reliability-security.md, Appendix A, for what this suite measures). */
export type FaultReport = {
  suite: 'fault-convergence';
  seed: number;
  store: string;
  selfTestDropHandler: boolean;
  devices: number;
  steps: number;
  ops: WorkloadCounts;
  writes: number;
  writesByCollection: Record<string, number>;
  faults: NetworkCounts & { partitions: number; serverKills: number };
  /** Exchanges the devices' replication saw fail (and retried). */
  syncFailures: number;
  converged: boolean;
  convergenceMs: number;
  durationMs: number;
  /** Where the time went: server and devices up, the workload under faults, healing. */
  phasesMs: { start: number; workload: number; healing: number };
  serverDocuments: number;
  serverDocumentsByCollection: Record<string, number>;
  /** Files live records on the server refer to, and those the server cannot give back intact. */
  filesReferenced: number;
  filesMissing: number;
  conflictsRecorded: { open: number; settled: number; spurious: number };
  conflictsObserved: number;
  /** The three figures that must be zero. */
  lost: number;
  divergentDevices: number;
  divergentDocuments: number;
  conflictsDropped: number;
  /** Pushed rows the server refused (invalid, forbidden); the workload only writes valid ones. */
  refusedRows: number;
  /** A few examples of each failure, to start debugging from. */
  examples: {
    refused: unknown[];
    lost: unknown[];
    divergent: unknown[];
    conflictsDropped: unknown[];
    spuriousConflicts: unknown[];
    filesMissing: unknown[];
  };
};

/** One `FAULT <store> <figure> = <value>` line per figure, easy to grep from CI logs. */
export function printReport(report: FaultReport): void {
  const { faults, conflictsRecorded: conflicts } = report;
  const lines: [string, string | number][] = [
    ['seed', report.seed],
    ['store', report.store],
    ['self-test drop handler', report.selfTestDropHandler ? 'on' : 'off'],
    ['devices', report.devices],
    ['steps', report.steps],
    ['ops', formatCounts(report.ops)],
    ['writes', `${report.writes} (${formatCounts(report.writesByCollection)})`],
    ['server documents', `${report.serverDocuments} (${formatCounts(report.serverDocumentsByCollection)})`],
    ['files referenced', report.filesReferenced],
    ['conflicts recorded', `${conflicts.open + conflicts.settled} (open ${conflicts.open}, settled ${conflicts.settled})`],
    ['conflicts spurious', conflicts.spurious],
    ['conflicts observed on devices', report.conflictsObserved],
    ['server kills', faults.serverKills],
    ['partitions', faults.partitions],
    ['requests', faults.requests],
    ['requests dropped', faults.droppedRequests],
    ['responses dropped', faults.droppedResponses],
    ['requests duplicated', `${faults.duplicated} (reordered ${faults.reordered})`],
    ['requests delayed', faults.delayed],
    ['requests refused while offline', faults.refusedWhileOffline],
    ['sync failures retried', report.syncFailures],
    ['converged', report.converged ? 'yes' : 'no'],
    ['convergence ms', report.convergenceMs],
    ['duration ms', report.durationMs],
    ['phases ms', formatCounts(report.phasesMs)],
    ['acknowledged writes lost', report.lost],
    ['devices divergent', report.divergentDevices],
    ['documents divergent', report.divergentDocuments],
    ['conflicts dropped', report.conflictsDropped],
    ['files missing', report.filesMissing],
    ['rows refused by the server', report.refusedRows],
  ]; // prettier-ignore
  for (const [name, value] of lines) console.log(`FAULT ${report.store} ${name} = ${value}`);
  for (const [kind, examples] of Object.entries(report.examples))
    for (const example of examples)
      console.log(`FAULT ${report.store} example ${kind}: ${JSON.stringify(example)}`);
}

/** The whole report as JSON under tests/.artifacts/fault/, for CI to keep. */
export function saveReport(report: FaultReport): string {
  const dir = fileURLToPath(new URL('../.artifacts/fault/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${report.store}-${report.seed}.json`;
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

function formatCounts(counts: WorkloadCounts | Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
}
