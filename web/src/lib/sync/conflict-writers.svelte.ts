import type { ConflictWriters } from '@clinicdesk/shared/sync/conflict-writers.ts';
import { fetchPatientHistory } from '../charts/chart-api.ts';

/**
 * The server's writers of both sides of each open conflict (from the records' stored versions),
 * fetched once per record while online; until then, or offline, the inbox shows the stamps.
 */
export class ConflictWriterLookup {
  /** By `${documentId}/${conflictId}`. */
  writers = $state.raw<Record<string, ConflictWriters>>({});
  private readonly deviceId: string;
  /** Bookkeeping, not state: which records were asked about. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly asked = new Set<string>();

  constructor(deviceId: string) {
    this.deviceId = deviceId;
  }

  /** Asks the server about every record not asked about yet; a failure is asked again later. */
  async load(documentIds: readonly string[]): Promise<void> {
    for (const id of documentIds) {
      if (this.asked.has(id)) continue;
      this.asked.add(id);
      const outcome = await fetchPatientHistory(this.deviceId, id);
      if (!outcome.ok) {
        this.asked.delete(id);
        continue;
      }
      const found = Object.fromEntries(
        Object.entries(outcome.value.conflicts).map(([conflictId, w]) => [
          `${id}/${conflictId}`,
          w,
        ]),
      );
      this.writers = { ...this.writers, ...found };
    }
  }
}
