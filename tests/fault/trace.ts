import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * FAULT_TRACE=1: every exchange, fault, write and conflict resolution of a run as JSON lines in
 * tests/.artifacts/fault/trace-<store>-<seed>.jsonl, to follow one lost write through the run.
 * Documents are cut down to the fields the workload touches. Off by default (it is large).
 */
export class Trace {
  private readonly file: string | null;
  private readonly started = Date.now();

  constructor(enabled: boolean, name: string) {
    if (!enabled) {
      this.file = null;
      return;
    }
    const dir = fileURLToPath(new URL('../.artifacts/fault/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    this.file = `${dir}trace-${name}.jsonl`;
    writeFileSync(this.file, '');
  }

  get enabled(): boolean {
    return this.file !== null;
  }

  log(event: Record<string, unknown>): void {
    if (!this.file) return;
    appendFileSync(this.file, `${JSON.stringify({ t: Date.now() - this.started, ...event })}\n`);
  }
}

/** Where trace events go: the file, or (in a device's worker) the main thread's file. */
export type TraceSink = Pick<Trace, 'enabled' | 'log'>;

export const NO_TRACE: TraceSink = new Trace(false, '');

/** The parts of a patient document the workload writes, for the trace. */
export function sketch(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null) return doc;
  const d = doc as Record<string, unknown>;
  const address = d.address as { city?: unknown } | undefined;
  const conflicts = d.conflicts as Record<string, { status?: unknown }> | undefined;
  return {
    id: d.id,
    del: d._deleted,
    phone: d.phone,
    email: d.email,
    middleName: d.middleName,
    city: address?.city,
    at: d.updatedAt,
    conflicts: conflicts
      ? Object.entries(conflicts).map(([id, c]) => `${id}:${String(c.status)}`)
      : undefined,
  };
}
