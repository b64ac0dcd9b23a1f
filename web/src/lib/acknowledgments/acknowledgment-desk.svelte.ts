import {
  acknowledgmentDuties,
  type Duty,
} from '@clinicdesk/shared/acknowledgments/acknowledgment-duties.ts';
import {
  acknowledgmentReport,
  type AcknowledgmentReport,
} from '@clinicdesk/shared/acknowledgments/acknowledgment-report.ts';
import type { AcknowledgmentCampaign } from '@clinicdesk/shared/acknowledgments/acknowledgment-campaign.schema.ts';
import type { Acknowledgment } from '@clinicdesk/shared/acknowledgments/acknowledgment.schema.ts';
import { toAcknowledge } from '@clinicdesk/shared/acknowledgments/to-acknowledge.ts';
import type { StaffMember } from '@clinicdesk/shared/acknowledgments/who-must-acknowledge.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import { today } from '../clock.ts';
import { liveFind } from '../db/documents.svelte.ts';
import type { Workspace } from '../workspace.ts';
import { LONG_AGO, peopleKnown } from './people-known.ts';
import { loadRoster, type Roster } from './staff-roster.ts';

/**
 * The acknowledgment campaigns, acknowledgments, policies and versions on this device, live, and
 * what the rules make of them: every person's duties, one person's "to read and acknowledge",
 * the office manager's report. All from local data, so it works offline; the people are the
 * roster (`staff-roster.ts`).
 */
export class AcknowledgmentDesk {
  readonly #campaigns: { readonly current: AcknowledgmentCampaign[] | undefined };
  readonly #acks: { readonly current: Acknowledgment[] | undefined };
  readonly #policies: { readonly current: Policy[] | undefined };
  readonly #versions: { readonly current: PolicyVersion[] | undefined };
  roster = $state.raw<Roster>({ people: [], source: 'device' });
  day = $state(today());

  constructor(readonly workspace: Workspace) {
    this.#campaigns = liveFind(workspace, 'acknowledgmentCampaign', { selector: {} });
    this.#acks = liveFind(workspace, 'acknowledgment', { selector: {} });
    this.#policies = liveFind(workspace, 'policy', { selector: {} });
    this.#versions = liveFind(workspace, 'policyVersion', { selector: {} });
    void this.refreshRoster();
  }

  async refreshRoster(): Promise<void> {
    this.roster = await loadRoster(this.workspace.user, LONG_AGO);
  }

  get loaded(): boolean {
    return [this.#campaigns, this.#acks, this.#policies, this.#versions].every((live) => live.current !== undefined); // prettier-ignore
  }

  get campaigns(): AcknowledgmentCampaign[] {
    return this.#campaigns.current ?? [];
  }
  get acknowledgments(): Acknowledgment[] {
    return this.#acks.current ?? [];
  }
  get policies(): Policy[] {
    return this.#policies.current ?? [];
  }
  get versions(): PolicyVersion[] {
    return this.#versions.current ?? [];
  }
  get people(): StaffMember[] {
    return this.roster.people;
  }

  /** The roster, and the people only an acknowledgment on this device names (`peopleKnown`). */
  readonly everyone: StaffMember[] = $derived.by(() =>
    peopleKnown(this.people, this.acknowledgments, this.campaigns),
  );

  readonly duties: Duty[] = $derived.by(() =>
    acknowledgmentDuties(
      { campaigns: this.campaigns, acknowledgments: this.acknowledgments, versions: this.versions, staff: this.everyone }, // prettier-ignore
      this.day,
    ),
  );

  /** One person's list, overdue first. */
  toRead(staffId: string): Duty[] {
    return toAcknowledge(this.duties, staffId);
  }

  readonly report: AcknowledgmentReport = $derived.by(() =>
    acknowledgmentReport(this.duties, this.policies, this.everyone),
  );

  policy(id: string): Policy | undefined {
    return this.policies.find((policy) => policy.id === id);
  }
  version(id: string): PolicyVersion | undefined {
    return this.versions.find((version) => version.id === id);
  }
  person(id: string): StaffMember | undefined {
    return this.everyone.find((person) => person.id === id);
  }
  acknowledgmentOf(versionId: string, staffId: string): Acknowledgment | undefined {
    return this.acknowledgments.find((ack) => ack.versionId === versionId && ack.staffId === staffId); // prettier-ignore
  }

  /** Versions a campaign may assign: published ones, newest policy number order. */
  get published(): PolicyVersion[] {
    return this.versions.filter((version) => version.status === 'published');
  }
}
