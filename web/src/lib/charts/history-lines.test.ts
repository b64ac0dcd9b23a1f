import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@clinicdesk/shared/patients/patient-history.ts';
import { historyWhen, historyWho } from './history-lines.ts';

const here = '0195a0c4-3333-7000-8000-00000000000a';
const there = '0195a0c4-3333-7000-8000-0000000000a4';
const rosa = {
  kind: 'staff' as const,
  name: 'Rosa Diaz',
  deviceId: there,
  deviceName: 'Front desk tablet 2',
};
const entry: HistoryEntry = {
  seq: 7,
  kind: 'changed',
  changes: [],
  editedAt: '2026-03-02T01:42:00.000Z',
  syncedAt: '2026-03-02T09:30:00.000Z',
  by: rosa,
};
const clock = (iso: string) => iso.slice(11, 16);

describe('a change history line', () => {
  it('names the person and the device as the Devices page does', () => {
    expect(historyWho(entry, here)).toBe('Changed by Rosa Diaz on Front desk tablet 2');
    expect(historyWho({ ...entry, by: { ...rosa, deviceName: null } }, there)).toBe(
      'Changed by Rosa Diaz on this device',
    );
  });

  it('says a seeded record was set up, never "someone unknown on device 0NAN"', () => {
    const seeded = { ...entry, kind: 'registered' as const, by: { kind: 'setup' as const } };
    expect(historyWho(seeded, here)).toBe('Registered when the practice’s records were set up');
    expect(historyWhen(seeded, clock)).toBe('01:42');
  });

  it('puts a space on both sides of the dot before "reached the server"', () => {
    expect(historyWhen(entry, clock)).toBe('01:42 · reached the server 09:30');
    expect(historyWhen({ ...entry, syncedAt: '2026-03-02T01:43:00.000Z' }, clock)).toBe('01:42');
    expect(historyWhen({ ...entry, editedAt: null }, clock)).toBe('09:30');
  });
});
