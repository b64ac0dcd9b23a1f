import { accountingEntriesOf } from '@clinicdesk/shared/disclosures/accounting-of-disclosures.ts';
import { accountingFor, type Accounting } from '@clinicdesk/shared/disclosures/accounting-for.ts';
import type { Disclosure } from '@clinicdesk/shared/disclosures/disclosure.schema.ts';
import { LETTERHEAD_ID, type ReleaseLetterhead } from '@clinicdesk/shared/disclosures/release-letterhead.schema.ts'; // prettier-ignore
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { recordAccess } from '../audit/audit.actions.ts';
import { today } from '../clock.ts';
import { liveDocument, liveFind } from '../db/documents.svelte.ts';
import { patientName } from '../filing/documents/patient-names.svelte.ts';
import type { Workspace } from '../workspace.ts';
import { downloadBytes } from './release-files.ts';

/** The PDF's creation date: a moment, not state. */
const printedAt = () => new Date(Date.now());

/**
 * A patient's accounting of disclosures (45 CFR 164.528) as of today: the six years before,
 * from the disclosures on this device — only those the rule lists, made automatically from
 * each release's purpose — and its print (`printAccountingOfDisclosures`).
 */
export class PatientAccounting {
  readonly #workspace: Workspace;
  readonly #patientId: string;
  readonly #disclosures: { readonly current: Disclosure[] | undefined };
  readonly #patient: { readonly current: Patient | null | undefined };
  readonly #letterhead: { readonly current: ReleaseLetterhead | null | undefined };
  readonly today = today();
  printing = $state(false);
  problem = $state<string | null>(null);

  constructor(workspace: Workspace, patientId: string) {
    this.#workspace = workspace;
    this.#patientId = patientId;
    this.#disclosures = liveFind(workspace, 'disclosure', { selector: { patientId } });
    this.#patient = liveDocument(workspace, 'patient', patientId);
    this.#letterhead = liveDocument(workspace, 'releaseLetterhead', LETTERHEAD_ID);
  }

  /** Read by the screen: a live value is kept current only while something shown reads it. */
  get loaded(): boolean {
    return (
      this.#disclosures.current !== undefined &&
      this.#patient.current !== undefined &&
      this.#letterhead.current !== undefined
    );
  }
  get patient(): Patient | null | undefined {
    return this.#patient.current;
  }
  get letterhead(): ReleaseLetterhead | null | undefined {
    return this.#letterhead.current;
  }

  readonly accounting: Accounting = $derived(this.#accountingNow());

  #accountingNow(): Accounting {
    return accountingFor(
      accountingEntriesOf(this.#disclosures.current ?? []),
      this.#patientId,
      this.today,
    );
  }

  /** Disclosures of this patient the accounting leaves out (exempt), for the office's view. */
  get exemptCount(): number {
    return (this.#disclosures.current ?? []).filter((d) => !d.accountable).length;
  }

  /** Prints the accounting as a PDF and saves it; recorded in the audit trail as a print. */
  async print(): Promise<void> {
    const patient = this.patient;
    const letterhead = this.letterhead;
    this.problem = null;
    if (!patient) return;
    if (!letterhead) {
      this.problem =
        'The practice’s letterhead is not set: the office manager sets it under Releases › Letterhead';
      return;
    }
    this.printing = true;
    try {
      const [{ printAccountingOfDisclosures }, { loadUnicodeFonts }] = await Promise.all([
        import('./accounting-print.ts'),
        import('./unicode-fonts.ts'),
      ]);
      const fonts = await loadUnicodeFonts();
      const { from, to, entries } = this.accounting;
      const printed = await printAccountingOfDisclosures({
        practice: { name: letterhead.practiceName, address: letterhead.practiceAddress, phone: letterhead.practicePhone }, // prettier-ignore
        patient: { name: patientName(patient), birthDate: patient.dateOfBirth, chartNumber: patient.chartNumber ?? 'not yet numbered' }, // prettier-ignore
        periodFrom: from,
        periodTo: to,
        entries: entries.map((entry) => ({
          date: entry.disclosedOn,
          recipient: entry.recipientName,
          ...(entry.recipientAddress && { recipientAddress: entry.recipientAddress }),
          description: entry.description,
          purpose: entry.purposeStatement,
        })),
        printedOn: this.today,
        printedBy: this.#workspace.user.displayName,
        createdAt: printedAt(),
        ...(fonts && { fonts }),
      });
      if (!printed.ok) {
        this.problem = printed.error.message;
        return;
      }
      const who = `${patient.familyName}-${patient.givenName}`.replace(/[^\p{L}\p{N}-]+/gu, '');
      downloadBytes(`accounting-of-disclosures-${who}-${this.today}.pdf`, printed.value.bytes, 'application/pdf'); // prettier-ignore
      await recordAccess(this.#workspace, 'print', 'patients', this.#patientId);
    } finally {
      this.printing = false;
    }
  }
}
