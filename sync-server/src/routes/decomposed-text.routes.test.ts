import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../services/password-hash.ts';
import { addStaff, createTestServer, signIn, type TestServer } from '../test-support.ts';

/**
 * Accents typed as combining marks (some keyboards do: "é" as e + U+0301) pass the boundary of
 * requests other than pushed records, and are kept in NFC where the server stores or compares
 * them: a person can sign in, is named in one spelling, and is found by a filter typed either way.
 */
let server: TestServer;
const ADMIN_DEVICE = '0195a0c4-dddd-7000-8000-00000000000d';
const PRECOMPOSED = 'Crème brûlée à la café';
const DECOMPOSED = PRECOMPOSED.normalize('NFD');

beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

const json = (body: unknown, cookie?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});

describe('decomposed accents outside stored records', () => {
  it('sign a person in whose password was typed with combining marks', async () => {
    const { id } = await addStaff(server, 'rosa');
    expect(DECOMPOSED).not.toBe(PRECOMPOSED);
    await server.store.updateUser(id, {
      passwordHash: await hashPassword(PRECOMPOSED, new Uint8Array(16)),
    });
    const response = await server.request(
      '/api/auth/login',
      json({ username: 'rosa', password: DECOMPOSED, deviceId: ADMIN_DEVICE }),
    );
    expect(response.status).toBe(200);
  });

  it('keep a display name in NFC, however it was typed', async () => {
    await addStaff(server, 'adam', 'admin');
    const { id } = await addStaff(server, 'rosa');
    const cookie = await signIn(server, 'adam', { deviceId: ADMIN_DEVICE });
    const response = await server.request(`/api/staff/${id}`, {
      ...json({ displayName: 'Jose\u0301 Nu\u0301n\u0303ez' }, cookie),
      method: 'PATCH',
    });
    expect(response.status).toBe(200);
    expect((await server.store.findUserById(id))?.displayName).toBe('Jos\u00e9 N\u00fa\u00f1ez');
  });

  it('find audit entries by a username filter typed with combining marks', async () => {
    await addStaff(server, 'olga', 'office-manager');
    const cookie = await signIn(server, 'olga', { deviceId: ADMIN_DEVICE });
    // A failed sign-in is recorded under the name as typed, in NFC.
    await server.request(
      '/api/auth/login',
      json({ username: 'jos\u00e9', password: 'x', deviceId: ADMIN_DEVICE }),
    );
    const response = await server.request(
      `/api/audit/v1/events?username=${encodeURIComponent('jose\u0301')}`,
      { headers: { cookie } },
    );
    expect(response.status).toBe(200);
    const page = (await response.json()) as { entries: { username: string; action: string }[] };
    expect(page.entries.map((entry) => [entry.username, entry.action])).toEqual([
      ['jos\u00e9', 'sign-in-failed'],
    ]);
  });
});
