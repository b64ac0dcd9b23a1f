import type { Disclosure } from '@clinicdesk/shared/disclosures/disclosure.schema.ts';
import type { DeliveryMethod } from '@clinicdesk/shared/disclosures/release-labels.ts';
import type { ReleaseRequest } from '@clinicdesk/shared/disclosures/release-request.schema.ts';
import { isCalendarDate } from '@clinicdesk/shared/dates/calendar-days.ts';
import { today } from '../clock.ts';
import type { Workspace } from '../workspace.ts';
import type { BuiltPackage } from './release-builder.svelte.ts';
import { recordDelivery } from './releases.actions.ts';

export type DeliveryErrors = Partial<
  Record<'method' | 'disclosedOn' | 'description' | 'form', string>
>;

/**
 * Recording how a made package reached its recipient: the method (mailed, faxed, picked up…),
 * its detail, the day, and what the accounting will say was released. Recording it writes the
 * disclosure and marks the request released; the accounting entry follows from the purpose.
 */
export class DeliveryDraft {
  readonly #workspace: Workspace;
  method = $state<DeliveryMethod | ''>('');
  detail = $state('');
  disclosedOn = $state(today());
  description = $state('');
  errors = $state<DeliveryErrors>({});
  saving = $state(false);

  constructor(workspace: Workspace, request: ReleaseRequest) {
    this.#workspace = workspace;
    this.description = request.recordsRequested;
  }

  async record(request: ReleaseRequest, built: BuiltPackage): Promise<Disclosure | null> {
    const errors: DeliveryErrors = {};
    if (this.method === '') errors.method = 'Choose how the records were delivered';
    if (!isCalendarDate(this.disclosedOn)) errors.disclosedOn = 'Enter the day the records left, as a real date'; // prettier-ignore
    else if (this.disclosedOn > today()) errors.disclosedOn = 'The records cannot have left after today'; // prettier-ignore
    if (this.description.trim() === '') errors.description = 'Say briefly what was released: the accounting prints it'; // prettier-ignore
    this.errors = errors;
    if (Object.keys(errors).length > 0 || this.method === '') return null;
    this.saving = true;
    const made = await recordDelivery(this.#workspace, request.id, {
      documents: built.documents,
      releasePackage: { sha256: built.sha256, pageCount: built.pageCount },
      description: this.description,
      disclosedOn: this.disclosedOn,
      delivery: { method: this.method, detail: this.detail },
    });
    this.saving = false;
    if (made.ok) return made.value;
    const field = made.error.field;
    this.errors =
      field === 'description' || field === 'disclosedOn'
        ? { [field]: made.error.message }
        : { form: made.error.message };
    return null;
  }
}
