import * as authApi from '../api/auth.api.ts';
import { closeWorkspace, openWorkspace } from '../workspace.ts';
import { deviceId } from './device.ts';
import { forgetUser, rememberUser } from './local-session.ts';
import { session } from './session.svelte.ts';

export type SignInResult = { ok: true } | { ok: false; message: string };

/** The first sign-in on a device needs the server; after that the device works offline. */
export async function signIn(username: string, password: string): Promise<SignInResult> {
  if (!username.trim() || !password)
    return { ok: false, message: 'Enter your username and password' };
  const outcome = await authApi.login(username.trim(), password, deviceId());
  if (!outcome.ok) {
    return {
      ok: false,
      message:
        outcome.kind === 'network'
          ? 'The server cannot be reached. Signing in needs a connection; try again when the network is back.'
          : outcome.message,
    };
  }
  rememberUser(outcome.value.user);
  session.user = outcome.value.user;
  const workspace = await openWorkspace(outcome.value.user);
  // Signing in again after the server session ended: sync resumes now, not at the next retry.
  workspace.reconnect();
  return { ok: true };
}

/**
 * Signs out on the server (when reachable) and on this device. Local data stays in the user's
 * own database, so changes not yet synced are kept and go out at their next sign-in.
 */
export async function signOut(): Promise<void> {
  await authApi.logout();
  await closeWorkspace();
  forgetUser();
  session.user = null;
}
