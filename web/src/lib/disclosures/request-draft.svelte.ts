import {
  emptyRequestForm,
  needsAuthorization,
  type RequestForm,
  type RequestFormErrors,
} from '@clinicdesk/shared/disclosures/request-form.ts';
import type { ReleaseRequest } from '@clinicdesk/shared/disclosures/release-request.schema.ts';
import { today } from '../clock.ts';
import type { Workspace } from '../workspace.ts';
import { takeRequest } from './releases.actions.ts';

/**
 * The new-request form: what was typed, the errors of the last try (field by field, from
 * `requestFromForm`), and saving. Nothing is stored until every field is right.
 */
export class RequestDraft {
  readonly #workspace: Workspace;
  form = $state<RequestForm>(emptyRequestForm(today()));
  errors = $state<RequestFormErrors>({});
  problem = $state<string | null>(null);
  saving = $state(false);

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
  }

  get underAuthorization(): boolean {
    return needsAuthorization(this.form.purpose);
  }

  get isAccessRequest(): boolean {
    return this.form.purpose === 'to-the-patient';
  }

  /** Stores the request on this device; the request when stored, null when the form is wrong. */
  async save(patientId: string | undefined): Promise<ReleaseRequest | null> {
    this.problem = null;
    if (!patientId) {
      this.errors = { ...this.errors };
      this.problem = 'Find and choose the patient whose records are asked for';
      return null;
    }
    this.saving = true;
    const made = await takeRequest(this.#workspace, patientId, $state.snapshot(this.form));
    this.saving = false;
    if (made.ok) {
      this.errors = {};
      return made.value;
    }
    if ('form' in made.error && typeof made.error.form === 'string') {
      this.problem = made.error.form;
      this.errors = {};
    } else this.errors = made.error as RequestFormErrors;
    return null;
  }
}
