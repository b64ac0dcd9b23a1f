import { describe, expect, it } from 'vitest';
import { conflictSideWho } from './conflict-who.ts';

const here = '0195a0c4-3333-7000-8000-00000000000a';
const there = '0195a0c4-3333-7000-8000-0000000000a4';
const clock = (iso: string) => iso.slice(11, 16);
const side = {
  value: '+15552010111',
  at: '2026-03-02T08:30:00.000Z',
  // The stamp a device wrote: it may carry anyone's name.
  by: { userId: 'u1', name: 'Office Manager', deviceId: there },
};

describe('who made a side of a conflict', () => {
  it("goes by the server's writer, not the stamp in the conflict", () => {
    const writer = {
      kind: 'staff' as const,
      name: 'Rosa Diaz',
      deviceId: there,
      deviceName: 'Front desk tablet 2',
    };
    expect(conflictSideWho(side, writer, here, clock)).toBe(
      'Rosa Diaz on Front desk tablet 2, 08:30',
    );
  });

  it('shows the stamp only while the server cannot be asked, and says so', () => {
    expect(conflictSideWho(side, undefined, here, clock)).toMatch(
      /^Office Manager on Device \w{4}, 08:30 \(as noted on the device/,
    );
  });

  it("promises the server's record only for records whose history the server gives (patients)", () => {
    expect(conflictSideWho(side, undefined, here, clock)).toContain("the server's record loads online"); // prettier-ignore
    expect(conflictSideWho(side, undefined, here, clock, false)).toMatch(/\(as noted on the device\)$/); // prettier-ignore
  });
});
