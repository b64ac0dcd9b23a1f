import type { PayerType } from '@clinicdesk/shared/patients/coverage.schema.ts';
import { currentNoticeVersion } from '@clinicdesk/shared/patients/current-notice-version.ts';
import { knownPayers } from '@clinicdesk/shared/patients/known-payers.ts';
import { map } from 'rxjs';
import { observeFind } from '../db/documents.svelte.ts';
import { live } from '../db/live.svelte.ts';
import type { Workspace } from '../workspace.ts';

/** What the registration form proposes, learnt from the practice's own records on the device. */
export type RegistrationSuggestions = {
  /** The insurance companies already typed for this payer type, each once. */
  payers(type: string): readonly string[];
  /** The Notice of Privacy Practices the practice offers now (the one offered last). */
  readonly noticeVersion: string | undefined;
};

type Learnt = {
  payers: ReadonlyMap<PayerType, readonly string[]>;
  noticeVersion: string | undefined;
};

/** Before the first read of the device's patients (a plain value, replaced whole, never changed). */
const NOTHING_LEARNT: Learnt = {
  payers: new Map<PayerType, readonly string[]>(),
  noticeVersion: undefined,
};

/**
 * The suggestions, kept current from the device's patients as registrations and sync add to
 * them: a payer typed once for one patient is offered for the next.
 */
export class PracticeSuggestions implements RegistrationSuggestions {
  private readonly learnt: { readonly current: Learnt };

  constructor(workspace: Workspace) {
    this.learnt = live(
      observeFind(workspace, 'patient', {}).pipe(
        map((patients): Learnt => {
          return {
            payers: knownPayers(patients.map((patient) => patient.coverage)),
            noticeVersion: currentNoticeVersion(patients.map((patient) => patient.privacyNotice)),
          };
        }),
      ),
      NOTHING_LEARNT,
    );
  }

  payers(type: string): readonly string[] {
    return this.learnt.current.payers.get(type as PayerType) ?? [];
  }

  get noticeVersion(): string | undefined {
    return this.learnt.current.noticeVersion;
  }
}
