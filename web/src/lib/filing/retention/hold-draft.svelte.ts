import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { Workspace } from '../../workspace.ts';
import { PatientChoice } from '../documents/patient-choice.svelte.ts';
import { type HoldTarget, placeLegalHold } from './legal-holds.actions.ts';
import type { LegalHolds } from './legal-holds.svelte.ts';

/** Documents offered as the title is typed. */
const SHOWN = 8;

const folded = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * The form that places a legal hold: on a patient (found by name, date of birth or chart
 * number, as the patients list finds them) or on one document (found by its title), with the
 * reason and the matter, and what it will cover in words before it is placed.
 */
export class HoldDraft {
  readonly #workspace: Workspace;
  readonly #holds: LegalHolds;
  on = $state<'patient' | 'document'>('patient');
  readonly patient: PatientChoice;
  documentQuery = $state('');
  documentId = $state<string | undefined>(undefined);
  reason = $state('');
  matter = $state('');
  sent = $state(false);
  saving = $state(false);
  problem = $state<string | null>(null);

  constructor(
    workspace: Workspace,
    holds: LegalHolds,
    preset: { patientId?: string | undefined; documentId?: string | undefined } = {},
  ) {
    this.#workspace = workspace;
    this.#holds = holds;
    this.patient = new PatientChoice(workspace, () => preset.patientId);
    if (preset.documentId !== undefined) {
      this.on = 'document';
      this.documentId = preset.documentId;
    }
  }

  /** Documents whose title has every word typed (in any order), newest first. */
  get foundDocuments(): FiledDocument[] {
    const words = folded(this.documentQuery).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return this.#holds.documents
      .filter((doc) => {
        const title = folded(doc.title);
        return words.every((word) => title.includes(word));
      })
      .sort((a, b) => (b.documentDate ?? '').localeCompare(a.documentDate ?? ''))
      .slice(0, SHOWN);
  }

  chooseDocument(id: string | undefined): void {
    this.documentId = id;
    this.documentQuery = '';
  }

  /**
   * What the hold is placed on: only a patient or document this device holds, so a link's
   * `?patient=` or `?document=` naming something else (a mistyped id, a record not synced
   * here) places nothing.
   */
  get target(): HoldTarget | null {
    if (this.on === 'patient')
      return this.patient.id && this.patient.onDevice ? { patientId: this.patient.id } : null;
    return this.documentId && this.#holds.document(this.documentId)
      ? { documentId: this.documentId }
      : null;
  }

  /** The patient or document chosen (or brought by the link) is not on this device. */
  get chosenElsewhere(): boolean {
    if (this.on === 'patient')
      return this.patient.id !== undefined && this.patient.onDevice === false;
    return (
      this.documentId !== undefined && this.#holds.loaded && !this.#holds.document(this.documentId)
    );
  }

  /** "All documents of Ana Núñez, now and later", once there is something to hold. */
  get covers(): string | null {
    const target = this.target;
    return target ? this.#holds.coversInWords(target) : null;
  }

  get problems(): { target?: string; reason?: string } {
    if (!this.sent) return {};
    return {
      ...(!this.target && {
        target: this.chosenElsewhere
          ? `That ${this.on} is not on this device: find and choose the ${this.on}`
          : this.on === 'patient'
            ? 'Find and choose the patient'
            : 'Find and choose the document',
      }),
      ...(this.reason.trim() === '' && { reason: 'Say why the records are held' }),
    };
  }

  /** Places the hold on this device; true when placed (the form is then cleared). */
  async place(): Promise<boolean> {
    this.sent = true;
    this.problem = null;
    const target = this.target;
    if (!target || this.reason.trim() === '') return false;
    this.saving = true;
    const placed = await placeLegalHold(this.#workspace, {
      on: target,
      reason: this.reason,
      matter: this.matter,
    });
    this.saving = false;
    if (!placed.ok) {
      this.problem = placed.error.message;
      return false;
    }
    this.sent = false;
    this.reason = '';
    this.matter = '';
    this.documentId = undefined;
    this.patient.choose(undefined);
    return true;
  }
}
