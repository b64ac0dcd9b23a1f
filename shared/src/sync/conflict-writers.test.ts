import { describe, expect, it } from 'vitest';
import { conflictWriters } from './conflict-writers.ts';
import type { StoredVersion } from './version-writer.ts';

const desk = '0195a0c4-3333-7000-8000-00000000000a';
const office = '0195a0c4-3333-7000-8000-00000000000b';
// What the merging device wrote into the conflict: stamps the server does not go by.
const stampOf = (name: string) => ({ userId: 'u-x', name, deviceId: desk });

const base = { id: 'p1', givenName: 'Ada', phone: '+15552010100' };
function version(
  seq: number,
  data: Record<string, unknown>,
  userName: string | null,
  deviceId: string | null,
): StoredVersion {
  return { seq, data, serverTime: new Date('2026-03-02T09:00:00Z'), userName, deviceId };
}

describe('who made each side of a conflict, by the server’s record', () => {
  it('credits the kept value to whoever wrote it, the other to the device that merged', () => {
    const conflict = {
      path: 'phone',
      base: '+15552010100',
      kept: { value: '+15552010111', by: stampOf('Somebody') },
      other: { value: '+15552010122', by: stampOf('Anybody') },
      status: 'open',
    };
    const writers = conflictWriters([
      version(1, base, null, 'seed'),
      version(2, { ...base, phone: '+15552010111' }, 'Omar Reyes', office),
      version(3, { ...base, phone: '+15552010111', givenName: 'Adah' }, 'Sam Lee', office),
      version(4, { ...base, phone: '+15552010111', conflicts: { c1: conflict } }, 'Rosa Diaz', desk),
      // Settled later: the conflict stays in the record, its writers do not change.
      version(5, { ...base, conflicts: { c1: { ...conflict, status: 'settled' } } }, 'Omar Reyes', office),
    ]); // prettier-ignore
    expect(writers).toEqual({
      c1: {
        kept: { kind: 'staff', name: 'Omar Reyes', deviceId: office, deviceName: null },
        other: { kind: 'staff', name: 'Rosa Diaz', deviceId: desk, deviceName: null },
      },
    });
  });

  it('credits the setup for a kept value the record had from the start, and says nothing it cannot know', () => {
    const conflict = {
      path: 'phone',
      kept: { value: '+15552010100' },
      other: { value: '+15552010122' },
      status: 'open',
    };
    expect(
      conflictWriters([
        version(1, base, null, 'seed'),
        version(2, { ...base, conflicts: { c1: conflict, c2: { ...conflict, path: 'email', kept: { value: 'x@example.org' } } } }, 'Rosa Diaz', desk),
      ]), // prettier-ignore
    ).toEqual({
      c1: { kept: { kind: 'setup' }, other: expect.objectContaining({ name: 'Rosa Diaz' }) },
      c2: { kept: null, other: expect.objectContaining({ name: 'Rosa Diaz' }) },
    });
  });
});
