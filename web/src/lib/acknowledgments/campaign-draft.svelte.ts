import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import type { AcknowledgmentDesk } from './acknowledgment-desk.svelte.ts';
import { startCampaign } from './acknowledgments.actions.ts';

/** The office manager's "Assign a policy to acknowledge" form. */
export class CampaignDraft {
  versionId = $state('');
  roles = $state<Role[]>([]);
  staffIds = $state<string[]>([]);
  dueInDays = $state(14);
  problem = $state<{ message: string; field?: string | undefined } | null>(null);
  notice = $state<string | null>(null);

  constructor(readonly desk: AcknowledgmentDesk) {}

  async start(): Promise<boolean> {
    this.notice = null;
    const version = this.desk.version(this.versionId);
    if (!version) {
      this.problem = { message: 'Choose a published policy version', field: 'versionId' };
      return false;
    }
    const days = Number(this.dueInDays);
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      this.problem = { message: 'Give between 1 and 365 days', field: 'dueInDays' };
      return false;
    }
    const started = await startCampaign(this.desk.workspace, { version, roles: this.roles, staffIds: this.staffIds, dueInDays: days }); // prettier-ignore
    if (!started.ok) {
      this.problem = { message: started.error.message, field: started.error.field };
      return false;
    }
    const policy = this.desk.policy(version.policyId);
    this.problem = null;
    this.notice = `Assigned ${policy ? `${policy.number} ${policy.title}` : 'the policy'} (version ${version.versionNumber}), due ${started.value.dueOn}`; // prettier-ignore
    this.versionId = '';
    this.roles = [];
    this.staffIds = [];
    return true;
  }
}
