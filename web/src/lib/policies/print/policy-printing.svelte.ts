import type { Manual } from '@clinicdesk/shared/policies/manual.schema.ts';
import type { Workspace } from '../../workspace.ts';
import {
  preparePolicyPrint,
  recordPolicyPrint,
  type PolicyPrint,
  type PrintItem,
} from './policy-print.actions.ts';

/**
 * One "Print / PDF" button's state: the PDF being made, then ready to open for the printer or
 * to save; each use recorded in the audit trail. The PDF is made again for each press, so it
 * always holds the versions of that moment.
 */
export class PolicyPrinting {
  state = $state<'idle' | 'making' | 'ready' | 'failed'>('idle');
  print = $state.raw<PolicyPrint | null>(null);
  problem = $state<string | null>(null);
  readonly #workspace: Pick<Workspace, 'user' | 'local'>;

  constructor(workspace: Pick<Workspace, 'user' | 'local'>) {
    this.#workspace = workspace;
  }

  async prepare(items: readonly PrintItem[], manual?: Manual): Promise<void> {
    this.close();
    if (items.length === 0 && !manual) {
      this.state = 'failed';
      this.problem = 'There is no version of this policy to print.';
      return;
    }
    this.state = 'making';
    try {
      this.print = await preparePolicyPrint(this.#workspace, items, manual);
      this.state = 'ready';
    } catch (error) {
      console.error('ClinicDesk could not make the PDF', error);
      this.state = 'failed';
      this.problem = 'The PDF could not be made on this device. Try again.';
    }
  }

  /** The PDF was opened to print, or saved: recorded before the browser takes it. */
  used(use: 'print' | 'download'): void {
    const print = this.print;
    if (!print) return;
    recordPolicyPrint(this.#workspace, print, use).catch((error: unknown) => {
      console.error('ClinicDesk could not record a print in the audit trail', error);
      this.problem = 'This print could not be recorded in the audit trail on this device.';
    });
  }

  close(): void {
    if (this.print) URL.revokeObjectURL(this.print.url);
    this.print = null;
    this.problem = null;
    this.state = 'idle';
  }
}
