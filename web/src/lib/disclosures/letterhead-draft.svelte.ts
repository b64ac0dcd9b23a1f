import type { ReleaseLetterhead } from '@clinicdesk/shared/disclosures/release-letterhead.schema.ts';
import type { Workspace } from '../workspace.ts';
import { saveLetterhead, type LetterheadFields } from './releases.actions.ts';

type Field = keyof LetterheadFields;

/**
 * The letterhead form: the practice's name, address and phone as cover letters and printed
 * accountings show them; filled from the stored letterhead once it is read.
 */
export class LetterheadDraft {
  readonly #workspace: Workspace;
  fields = $state<LetterheadFields>({ practiceName: '', practiceAddress: '', practicePhone: '' });
  errors = $state<Partial<Record<Field | 'form', string>>>({});
  saved = $state(false);
  #filled = false;

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
  }

  /** Takes the stored letterhead once, so typing is never overwritten by a sync. */
  fill(stored: ReleaseLetterhead | null | undefined): void {
    if (this.#filled || stored === undefined) return;
    this.#filled = true;
    if (stored) {
      const { practiceName, practiceAddress, practicePhone } = stored;
      this.fields = { practiceName, practiceAddress, practicePhone };
    }
  }

  async save(): Promise<boolean> {
    this.saved = false;
    const errors: Partial<Record<Field, string>> = {};
    if (this.fields.practiceName.trim() === '') errors.practiceName = 'Enter the practice’s name as letters show it'; // prettier-ignore
    if (this.fields.practiceAddress.trim() === '') errors.practiceAddress = 'Enter the practice’s address: street, then city, state and ZIP'; // prettier-ignore
    if (this.fields.practicePhone.trim() === '') errors.practicePhone = 'Enter the phone number requesters may call'; // prettier-ignore
    this.errors = errors;
    if (Object.keys(errors).length > 0) return false;
    const done = await saveLetterhead(this.#workspace, $state.snapshot(this.fields));
    if (done.ok) {
      this.saved = true;
      return true;
    }
    const field = done.error.field as Field | undefined;
    this.errors = field && field in this.fields ? { [field]: done.error.message } : { form: done.error.message }; // prettier-ignore
    return false;
  }
}
