import type { ChartMerge } from '@clinicdesk/shared/charts/chart-merge.schema.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { findActiveChartId } from '../charts/active-chart.ts';
import { liveDocument, liveFind } from '../db/documents.svelte.ts';
import type { Workspace } from '../workspace.ts';

/**
 * One patient's chart as its page shows it, kept live from the device's database: the record
 * (edits from other tabs and from sync appear as they land) and the merges it took part in.
 */
export class PatientChart {
  readonly #workspace: Workspace;
  readonly #record: { readonly current: Patient | null | undefined };
  readonly #merges: { readonly current: ChartMerge[] | undefined };

  constructor(workspace: Workspace, patientId: string) {
    this.#workspace = workspace;
    this.#record = liveDocument(workspace, 'patient', patientId);
    this.#merges = liveFind(workspace, 'chartMerge', {
      selector: { $or: [{ survivorId: patientId }, { mergedId: patientId }] },
    });
  }

  /** The record; `undefined` while the device reads it, `null` when it is not on this device. */
  get patient(): Patient | null | undefined {
    return this.#record.current;
  }

  /** Merges this chart survived or was merged away by (none until read). */
  get merges(): ChartMerge[] {
    return this.#merges.current ?? [];
  }

  /** The chart in use for this one: itself, or where its merges lead on this device. */
  chartInUse(chart: Patient): Promise<string> {
    return findActiveChartId(this.#workspace, chart);
  }
}
