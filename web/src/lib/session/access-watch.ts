import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { api } from '../api/client.ts';
import { requestJson } from '../api/http.ts';

export type AccessVerdict =
  'unchanged' | 'role-changed' | 'deactivated' | 'second-factor-required' | 'unknown';

/**
 * Asks the server who this person is now. Called when the live stream (re)connects — the server
 * closes it the moment an administrator changes the person's access — and when a sync request is
 * refused. A new role means the device must reopen under it (purging what it may no longer
 * read); a deactivated account means its data must leave the device; a new role that needs a
 * second factor, on a session opened with the password alone, means signing in again.
 */
export async function checkAccess(
  user: SessionUser,
  onRoleChanged: (now: SessionUser) => void,
  onDeactivated: () => void,
  onSecondFactorRequired: () => void,
): Promise<AccessVerdict> {
  const outcome = await requestJson(() => api.auth.session.$get());
  if (outcome.ok) {
    if (outcome.value.user.role === user.role) return 'unchanged';
    onRoleChanged(outcome.value.user);
    return 'role-changed';
  }
  if (outcome.kind === 'api' && outcome.code === 'account-deactivated') {
    onDeactivated();
    return 'deactivated';
  }
  if (outcome.kind === 'api' && outcome.code === 'second-factor-required') {
    onSecondFactorRequired();
    return 'second-factor-required';
  }
  return 'unknown';
}
