import { ROLES, type SessionUser } from '@clinicdesk/shared/auth/roles.ts';

const SESSION_KEY = 'clinicdesk.session';

/**
 * The signed-in user as this device remembers them. A device that has signed in once keeps
 * working offline: the app opens the user's local database without asking the server. The
 * server still decides, at the next sync, whether the session is valid.
 */
export function rememberedUser(): SessionUser | null {
  const raw = localStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const user = JSON.parse(raw) as Partial<SessionUser>;
    const valid =
      typeof user.id === 'string' &&
      typeof user.username === 'string' &&
      typeof user.displayName === 'string' &&
      ROLES.some((role) => role === user.role);
    return valid ? (user as SessionUser) : null;
  } catch {
    return null;
  }
}

export function rememberUser(user: SessionUser): void {
  localStorage.setItem(SESSION_KEY, JSON.stringify(user));
}

export function forgetUser(): void {
  localStorage.removeItem(SESSION_KEY);
}
