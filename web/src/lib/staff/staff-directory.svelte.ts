import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import type { StaffAccount } from '@clinicdesk/shared/auth/staff-account.ts';
import type { ApiOutcome } from '../api/http.ts';
import * as api from '../api/staff.api.ts';

const OFFLINE = 'Staff accounts live on the server, which cannot be reached right now.';

/**
 * The administrator's list of staff accounts and what they do to them. Online only: accounts
 * are the server's to decide, never changed on a device and synced later.
 */
export class StaffDirectory {
  accounts = $state.raw<StaffAccount[] | null>(null);
  problem = $state<string | null>(null);
  /** The last change made, said once to screen readers and shown beside the list. */
  notice = $state<string | null>(null);

  async refresh(): Promise<void> {
    const outcome = await api.listStaff();
    if (outcome.ok) {
      this.accounts = outcome.value.staff;
      this.problem = null;
    } else this.problem = outcome.kind === 'network' ? OFFLINE : outcome.message;
  }

  /** Creates an account; the server's message when it refuses (shown on the form). */
  async create(input: {
    username: string;
    displayName: string;
    role: Role;
    password: string;
  }): Promise<string | null> {
    // One spelling of the name is stored, however the keyboard composed its accents.
    const displayName = input.displayName.normalize('NFC');
    return this.apply(
      await api.createStaff({ ...input, displayName }),
      (changed) => `${changed.displayName} can now sign in`,
    );
  }

  changeRole(account: StaffAccount, role: Role) {
    return this.run(
      api.changeStaff(account.id, { role }),
      (changed) => `${changed.displayName} is now ${role}`,
    );
  }

  setActive(account: StaffAccount, active: boolean) {
    return this.run(api.changeStaff(account.id, { active }), (changed) =>
      active
        ? `${changed.displayName} can sign in again`
        : `${changed.displayName} is deactivated and signed out everywhere`,
    );
  }

  resetPassword(account: StaffAccount, password: string): Promise<string | null> {
    return this.run(
      api.resetStaffPassword(account.id, password),
      (changed) => `New password set for ${changed.displayName}; their other sessions have ended`,
    );
  }

  resetSecondFactor(account: StaffAccount) {
    return this.run(
      api.resetStaffSecondFactor(account.id),
      (changed) =>
        `Two-factor sign-in reset for ${changed.displayName}: signed out everywhere, they set it up again at their next sign-in`,
    );
  }

  unlock(account: StaffAccount) {
    return this.run(api.unlockStaff(account.id), (changed) => `${changed.displayName} is unlocked`);
  }

  private async run(
    pending: Promise<ApiOutcome<{ account: StaffAccount }>>,
    said: (changed: StaffAccount) => string,
  ): Promise<string | null> {
    return this.apply(await pending, said);
  }

  private async apply(
    outcome: ApiOutcome<{ account: StaffAccount }>,
    said: (changed: StaffAccount) => string,
  ): Promise<string | null> {
    if (!outcome.ok) return outcome.kind === 'network' ? OFFLINE : outcome.message;
    this.notice = said(outcome.value.account);
    await this.refresh();
    return null;
  }
}
