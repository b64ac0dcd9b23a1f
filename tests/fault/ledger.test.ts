/**
 * The ledger's rule for visit steps (ledger.ts), on fixed writes: which stamps count as kept
 * when the server's state shows one step stamped by several desks.
 */
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { describe, expect, it } from 'vitest';
import { type FieldWrite, Ledger } from './ledger.ts';

const VISIT = 'v-2026-03-02-0-019cadd7-b2a3-70b9-9a66-66b688150327';
const stamp = (time: string, device: number) => ({
  at: `2026-03-02T${time}:00.000Z`,
  by: { userId: 'u', name: 'Desk', deviceId: `device-${device}` },
});
const roomed = (value: unknown, previous: unknown, device: number): FieldWrite => ({
  collection: 'visits',
  docId: VISIT,
  path: 'roomed',
  value,
  previous,
  device,
  step: 1,
  kind: 'step',
});
const server = (roomedNow: unknown) =>
  new Map<string, WireDocument>([
    [`visits/${VISIT}`, { id: VISIT, kind: 'visit', roomed: roomedNow } as unknown as WireDocument],
  ]);

describe('the ledger, for a step several desks stamped', () => {
  const first = stamp('09:29', 1);
  const unseen = stamp('09:36', 2); // desk 2 roomed the patient without having seen desk 1's
  const moved = stamp('09:53', 3); // desk 3, which held desk 1's stamp, moved them to another room

  it('keeps a stamp that an earlier one stood for, even once that one was knowingly replaced', () => {
    const ledger = new Ledger();
    for (const write of [
      roomed(first, undefined, 1),
      roomed(unseen, undefined, 2),
      roomed(moved, first, 3),
    ])
      // prettier-ignore
      ledger.record(write);
    expect(ledger.lost(server(moved))).toEqual([]);
  });

  it('loses a move to another room that went back to the stamp it replaced', () => {
    const ledger = new Ledger();
    const reverted = roomed(moved, first, 3);
    for (const write of [roomed(first, undefined, 1), reverted]) ledger.record(write);
    expect(ledger.lost(server(first))).toEqual([reverted]);
  });

  it('loses a stamp whose earlier stand-in is itself lost', () => {
    const ledger = new Ledger();
    const written = [roomed(first, undefined, 1), roomed(unseen, undefined, 2)];
    for (const write of written) ledger.record(write);
    // The server holds a later stamp nobody wrote knowingly over either: both are gone.
    expect(ledger.lost(server(stamp('10:30', 4)))).toEqual(written);
  });
});
