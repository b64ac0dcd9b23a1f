import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHART_BLOCK_SIZE,
  type ChartNumberBlockResponse,
} from '@clinicdesk/shared/charts/chart-number.ts';
import { SYNC_BASE_PATH } from '@clinicdesk/shared/sync/protocol.ts';
import { addStaff, createTestServer, device, signIn, type TestServer } from '../test-support.ts';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
  await addStaff(server, 'rosa', 'front-desk');
});
afterEach(() => server.close());

function reserve(tablet: ReturnType<typeof device>, body: unknown) {
  return server.request(`${SYNC_BASE_PATH}/chart-numbers`, {
    method: 'POST',
    headers: { ...tablet.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('chart number blocks', () => {
  it('gives each device its own block, and a retried request the same one', async () => {
    const deskA = device(server, await signIn(server, 'rosa'));
    const deskB = device(server, await signIn(server, 'rosa'));
    const requestId = crypto.randomUUID();
    const first = await reserve(deskA, { requestId });
    expect(first.status).toBe(200);
    const { block } = (await first.json()) as ChartNumberBlockResponse;
    expect(block.last - block.first + 1).toBe(CHART_BLOCK_SIZE);

    const retried = (await (
      await reserve(deskA, { requestId })
    ).json()) as ChartNumberBlockResponse;
    expect(retried.block).toEqual(block);
    const other = (await (
      await reserve(deskB, { requestId: crypto.randomUUID() })
    ).json()) as ChartNumberBlockResponse;
    expect(other.block.first).toBe(block.last + 1);
  });

  it('refuses a request without a proper request id, and anyone signed out', async () => {
    const desk = device(server, await signIn(server, 'rosa'));
    expect((await reserve(desk, { requestId: 'again' })).status).toBe(400);
    expect((await reserve(desk, { requestId: crypto.randomUUID(), count: 5000 })).status).toBe(400);
    const signedOut = await server.request(`${SYNC_BASE_PATH}/chart-numbers`, { method: 'POST' });
    expect(signedOut.status).toBe(401);
  });

  it('never gives another device the block of a request id it replays', async () => {
    const deskA = device(server, await signIn(server, 'rosa'));
    const deskB = device(server, await signIn(server, 'rosa'));
    const requestId = crypto.randomUUID();
    const { block } = (await (
      await reserve(deskA, { requestId })
    ).json()) as ChartNumberBlockResponse;
    const replayed = await reserve(deskB, { requestId });
    expect(replayed.status).toBe(200);
    const other = ((await replayed.json()) as ChartNumberBlockResponse).block;
    expect(other.first > block.last || other.last < block.first).toBe(true);
  });

  // ADR 8: only those who register patients (front desk, office manager) put numbers on charts.
  it.each(['billing', 'clinician', 'admin'] as const)(
    'refuses %s, and reserves nothing for it',
    async (role) => {
      await addStaff(server, role, role);
      const desk = device(server, await signIn(server, role));
      const refused = await reserve(desk, { requestId: crypto.randomUUID() });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });
      // The next block handed out starts where the counter started: nothing was taken.
      const rosa = device(server, await signIn(server, 'rosa'));
      const next = (await (
        await reserve(rosa, { requestId: crypto.randomUUID() })
      ).json()) as ChartNumberBlockResponse;
      expect(next.block.first).toBe(100_000);
    },
  );
});
