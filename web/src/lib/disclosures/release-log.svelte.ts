import type { Disclosure } from '@clinicdesk/shared/disclosures/disclosure.schema.ts';
import { LETTERHEAD_ID, type ReleaseLetterhead } from '@clinicdesk/shared/disclosures/release-letterhead.schema.ts'; // prettier-ignore
import type { ReleaseRequest } from '@clinicdesk/shared/disclosures/release-request.schema.ts';
import {
  byUrgency,
  requestDue,
  type RequestDue,
} from '@clinicdesk/shared/disclosures/request-due.ts';
import { today } from '../clock.ts';
import { liveDocument, liveFind } from '../db/documents.svelte.ts';
import { PatientNames } from '../filing/documents/patient-names.svelte.ts';
import type { Workspace } from '../workspace.ts';

export type RequestRow = {
  request: ReleaseRequest;
  due: RequestDue;
  patientName: string;
  disclosures: Disclosure[];
};

/**
 * The practice's release requests and disclosures as the Releases screen and a patient's chart
 * show them, live from the device: open requests in the order to work them (overdue first, by
 * due date), and the answered ones, most recent first. `patientId` narrows to one patient.
 */
export class ReleaseLog {
  readonly #requests: { readonly current: ReleaseRequest[] | undefined };
  readonly #disclosures: { readonly current: Disclosure[] | undefined };
  readonly #letterhead: { readonly current: ReleaseLetterhead | null | undefined };
  readonly names: PatientNames;
  /** The day the clocks are read on: the device's today when the log was opened. */
  readonly today = today();

  constructor(workspace: Workspace, patientId?: string) {
    const selector = patientId ? { patientId } : {};
    this.#requests = liveFind(workspace, 'releaseRequest', { selector });
    this.#disclosures = liveFind(workspace, 'disclosure', { selector });
    this.#letterhead = liveDocument(workspace, 'releaseLetterhead', LETTERHEAD_ID);
    this.names = new PatientNames(workspace, () => this.#requestsNow.map((r) => r.patientId));
  }

  get #requestsNow(): ReleaseRequest[] {
    return this.#requests.current ?? [];
  }

  get loaded(): boolean {
    return this.#requests.current !== undefined && this.#disclosures.current !== undefined;
  }

  get letterhead(): ReleaseLetterhead | null | undefined {
    return this.#letterhead.current;
  }

  get disclosures(): Disclosure[] {
    return this.#disclosures.current ?? [];
  }

  readonly #rows: RequestRow[] = $derived.by(() =>
    this.#requestsNow.map((request) => ({
      request,
      due: requestDue(request, this.today),
      patientName: this.names.name(request.patientId),
      disclosures: this.disclosures.filter((d) => d.requestId === request.id),
    })),
  );

  get open(): RequestRow[] {
    return this.#rows.filter((row) => row.due.state !== 'answered').sort(byUrgency);
  }

  /** Released or denied, the most recently answered first. */
  get answered(): RequestRow[] {
    return this.#rows
      .filter((row) => row.due.state === 'answered')
      .sort(
        (a, b) =>
          (b.request.answeredOn ?? '').localeCompare(a.request.answeredOn ?? '') ||
          b.request.updatedAt.localeCompare(a.request.updatedAt),
      );
  }

  row(id: string): RequestRow | undefined {
    return this.#rows.find((row) => row.request.id === id);
  }

  get overdueCount(): number {
    return this.open.filter((row) => row.due.state === 'overdue').length;
  }
}
