import { SECOND_FACTOR_ROLES } from './permissions.ts';
import type { Role, SessionUser } from './roles.ts';

/**
 * Whether an account signs in with a TOTP code after its password. The office manager's and the
 * administrator's roles do (SECOND_FACTOR_ROLES); the demo clinic's accounts are exempt, because
 * their passwords are published on every demo start and a second factor would only get in the
 * way of trying ClinicDesk out — they never belong to a real clinic. Every other account of those
 * roles, including the administrator made by `create-admin`, enrols at its first sign-in.
 */
export function requiresSecondFactor(account: { role: Role; demoAccount: boolean }): boolean {
  return SECOND_FACTOR_ROLES.includes(account.role) && !account.demoAccount;
}

/** How the Staff page describes an account's second factor. */
export function secondFactorStatus(
  account: { role: Role; demoAccount: boolean },
  enrolled: boolean,
): SecondFactorStatus {
  if (!SECOND_FACTOR_ROLES.includes(account.role)) return 'not-required';
  if (account.demoAccount) return 'demo-exempt';
  return enrolled ? 'enrolled' : 'not-enrolled';
}

/** The answer to a correct username and password. */
export type SignInAnswer =
  | { user: SessionUser }
  /**
   * Not signed in yet: a short-lived pending sign-in (an HttpOnly cookie) that can only take a
   * code (`code`), or first fetch an enrolment secret and confirm it with a code (`enrol`).
   */
  | { secondFactor: 'code' | 'enrol'; expiresInSeconds: number };

/** What a person enrolling adds to their authenticator app; shown once, before it is confirmed. */
export type EnrolmentOffer = {
  /** Base32 (RFC 4648, no padding), for typing in by hand. */
  secret: string;
  /** otpauth://totp/… for the QR code and for "open in authenticator app". */
  uri: string;
  issuer: string;
  account: string;
};

/** The Staff page's view of an account's second factor. */
export type SecondFactorStatus =
  /** Not needed for this role. */
  | 'not-required'
  /** A demo clinic account (published password): exempt. */
  | 'demo-exempt'
  /** Needed; the person enrols at their next sign-in. */
  | 'not-enrolled'
  | 'enrolled';
