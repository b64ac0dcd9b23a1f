import { describe, expect, it } from 'vitest';
import { hc } from 'hono/client';
import type { AppType } from './app.ts';
import type { Logger } from './logger.ts';
import { addStaff, createTestServer, device, signIn } from './test-support.ts';

describe('the error funnel', () => {
  it('answers a bug with a plain 500 and keeps the details in the server log', async () => {
    const logged: unknown[] = [];
    const log: Logger = { info: () => {}, warn: () => {}, error: (...args) => logged.push(args) };
    const server = await createTestServer({ log });
    try {
      await addStaff(server, 'rosa');
      const cookie = await signIn(server, 'rosa');
      server.store.pullJson = () =>
        Promise.reject(
          new Error('SQLITE_ERROR: no such column: seqq in SELECT seqq FROM documents'),
        );

      const response = await device(server, cookie).pull('patients');

      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        error: { code: 'internal', message: 'Something went wrong on the server' },
      });
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(JSON.stringify(logged)).toContain('no such column');
    } finally {
      await server.close();
    }
  });
});

describe('the typed client', () => {
  it('reaches the routes through hc<AppType>', async () => {
    const server = await createTestServer();
    try {
      await addStaff(server, 'rosa');
      const cookie = await signIn(server, 'rosa');
      const client = hc<AppType>('http://clinicdesk.test', {
        fetch: (input: Request | string | URL, init?: RequestInit) =>
          server.app.request(input, init),
        headers: device(server, cookie).headers,
      });

      const health = await client.api.health.$get();
      expect(await health.json()).toEqual({ ok: true });
      const pulled = await client.api.sync.v1[':collection'].pull.$get({
        param: { collection: 'patients' },
      });
      if (pulled.status !== 200) throw new Error(`pull answered ${pulled.status}`);
      const body = await pulled.json();
      expect(body.checkpoint.seq).toBe(0);
    } finally {
      await server.close();
    }
  });
});
