import { describe, expect, it } from 'vitest';
import { memberIdProblem, normaliseMemberId } from './member-id.ts';

describe('member ids', () => {
  it('accepts a Medicare MBI typed with dashes, and refuses the excluded letters', () => {
    const mbi = normaliseMemberId('medicare', '1eg4-te5-mk73');
    expect(mbi).toBe('1EG4TE5MK73');
    expect(memberIdProblem('medicare', mbi)).toBeNull();
    // S, L, O, I, B, Z never appear in an MBI; the first character is never 0.
    expect(memberIdProblem('medicare', '1SG4TE5MK73')).toMatch(/11 characters/);
    expect(memberIdProblem('medicare', '0EG4TE5MK73')).toMatch(/11 characters/);
    expect(memberIdProblem('medicare', '1EG4TE5MK7')).toMatch(/11 characters/);
  });

  it('points out an old Medicare number (HICN)', () => {
    expect(memberIdProblem('medicare', '123456789A')).toMatch(/old Medicare number/);
  });

  it('checks Medicaid and commercial ids by their own rules', () => {
    expect(memberIdProblem('medicaid', normaliseMemberId('medicaid', '1234 5678 9012'))).toBeNull();
    expect(memberIdProblem('medicaid', '12345')).toMatch(/6 to 14/);
    expect(memberIdProblem('commercial', normaliseMemberId('commercial', 'xyz-123456'))).toBeNull();
    expect(memberIdProblem('commercial', 'AB')).toMatch(/3 to 30/);
    expect(memberIdProblem('commercial', 'AB#123')).toMatch(/3 to 30/);
  });
});
