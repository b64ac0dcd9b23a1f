import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';

export type Session = { user: SessionUser; cookie: string };

/** Signs in as a device would (`POST /api/auth/login`) and keeps the session cookie. */
export async function signIn(
  baseUrl: string,
  credentials: { username: string; password: string },
  deviceId: string,
): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...credentials, deviceId }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('cd_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  const body = (await response.json()) as { user: SessionUser };
  return { user: body.user, cookie };
}
