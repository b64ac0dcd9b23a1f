import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import type { EnrolmentOffer } from '@clinicdesk/shared/auth/second-factor.ts';
import { normaliseTotpCode, TOTP_CODE_PATTERN } from '@clinicdesk/shared/auth/totp.ts';
import * as authApi from '../api/auth.api.ts';
import type { ApiFailure, ApiOutcome } from '../api/http.ts';
import { closeWorkspace, openWorkspace } from '../workspace.ts';
import { deviceId } from './device.ts';
import { forgetUser, rememberUser } from './local-session.ts';
import { session } from './session.svelte.ts';

const OFFLINE =
  'The server cannot be reached. Signing in needs a connection; try again when the network is back.';

export type SignInResult =
  | { ok: true }
  /** The password was right; an office manager or administrator still owes a code. */
  | { ok: 'second-factor'; step: 'code' | 'enrol' }
  | { ok: false; message: string };

/**
 * A failed step of two-factor sign-in. `restart`: the pending sign-in is over (it timed out, or
 * an administrator reset the second factor meanwhile); the password has to be entered again.
 */
export type CodeStepResult = { ok: true } | { ok: false; message: string; restart: boolean };

/** The first sign-in on a device needs the server; after that the device works offline. */
export async function signIn(username: string, password: string): Promise<SignInResult> {
  if (!username.trim() || !password)
    return { ok: false, message: 'Enter your username and password' };
  const outcome = await authApi.login(username.trim(), password, deviceId());
  if (!outcome.ok)
    return { ok: false, message: outcome.kind === 'network' ? OFFLINE : outcome.message };
  if ('secondFactor' in outcome.value)
    return { ok: 'second-factor', step: outcome.value.secondFactor };
  await enter(outcome.value.user);
  return { ok: true };
}

/** Signs in with the code from the authenticator app. */
export async function submitSecondFactorCode(typed: string): Promise<CodeStepResult> {
  const code = readCode(typed);
  if (code === null) return { ok: false, message: CODE_FORMAT, restart: false };
  return finish(await authApi.submitSecondFactorCode(code));
}

/** The secret to add to an authenticator app (first sign-in of a second-factor role). */
export async function fetchEnrolment(): Promise<
  { ok: true; offer: EnrolmentOffer } | { ok: false; message: string; restart: boolean }
> {
  const outcome = await authApi.fetchEnrolment();
  if (outcome.ok) return { ok: true, offer: outcome.value };
  return refused(outcome);
}

/** Confirms the new authenticator entry with its first code, and signs in. */
export async function confirmEnrolment(typed: string): Promise<CodeStepResult> {
  const code = readCode(typed);
  if (code === null) return { ok: false, message: CODE_FORMAT, restart: false };
  return finish(await authApi.confirmEnrolment(code));
}

/** Gives up a sign-in still waiting for its code (to start over, as someone else perhaps). */
export async function cancelSignIn(): Promise<void> {
  await authApi.cancelSecondFactor();
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

const CODE_FORMAT = 'Enter the 6-digit code from your authenticator app';

function readCode(typed: string): string | null {
  const code = normaliseTotpCode(typed);
  return TOTP_CODE_PATTERN.test(code) ? code : null;
}

async function finish(outcome: ApiOutcome<{ user: SessionUser }>): Promise<CodeStepResult> {
  if (!outcome.ok) return refused(outcome);
  await enter(outcome.value.user);
  return { ok: true };
}

function refused(failure: ApiFailure): { ok: false; message: string; restart: boolean } {
  if (failure.kind === 'network') return { ok: false, message: OFFLINE, restart: false };
  // Only a code (or the lack of one) can be fixed on this step; anything else starts over.
  const retry = ['wrong-code', 'code-already-used', 'rate-limited', 'invalid-request'];
  return { ok: false, message: failure.message, restart: !retry.includes(failure.code) };
}

async function enter(user: SessionUser): Promise<void> {
  rememberUser(user);
  session.user = user;
  const workspace = await openWorkspace(user);
  // Signing in again after the server session ended: sync resumes now, not at the next retry.
  workspace.reconnect();
}
