import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { loadRoster } from '../../acknowledgments/staff-roster.ts';
import { today } from '../../clock.ts';
import type { Workspace } from '../../workspace.ts';

export type StaffChoice = { id: string; name: string; role: string };

/**
 * Staff names by id, for owners, approvers and authors: the device's roster (the server's list
 * where this session may fetch it, and everyone who has signed in on this device), then any
 * editor stamp at hand. Works offline from what the device remembers.
 */
export class StaffNames {
  people = $state.raw<StaffChoice[]>([]);

  constructor(workspace: Workspace) {
    void loadRoster(workspace.user, today()).then(
      (roster) => (this.people = roster.people.map(({ id, name, role }) => ({ id, name, role }))),
      () => undefined,
    );
  }

  nameOf(id: string, stamp?: Editor): string {
    return (
      this.people.find((person) => person.id === id)?.name ??
      (stamp?.userId === id ? stamp.name : 'Someone not seen on this device')
    );
  }
}
