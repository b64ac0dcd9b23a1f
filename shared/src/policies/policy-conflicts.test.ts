import { describe, expect, it } from 'vitest';
import { approvalConflicts } from './approval-conflicts.ts';
import { manualConflicts } from './manual-conflicts.ts';
import { policy, published } from './policy.fixture.ts';
import { policyConflicts } from './policy-conflicts.ts';
import { policyVersionConflicts } from './policy-version-conflicts.ts';

describe('policy conflict describers', () => {
  it('name the record and its fields as the policy screens do', () => {
    expect(policyConflicts.title(policy, () => undefined)).toBe('HIPAA-P-03 Minimum necessary');
    expect(policyVersionConflicts.title(published(2), () => undefined)).toBe('Version 2');
    expect(policyVersionConflicts.fieldLabel('effectiveOn')).toBe('Effective date');
    expect(policyVersionConflicts.formatValue('status', 'in-review')).toBe('In review');
    expect(policyVersionConflicts.formatValue('materialChange', false)).toBe('No');
    expect(manualConflicts.formatValue('approvers', ['u-a', 'u-b'])).toBe('u-a, u-b');
  });

  it('let a person type a title or a summary within the schema’s limits, never a signature', () => {
    expect(policyConflicts.parseTyped('title', '  Minimum   necessary ')).toEqual({ ok: true, value: 'Minimum necessary' }); // prettier-ignore
    expect(policyConflicts.parseTyped('title', 'x'.repeat(161))).toMatchObject({ ok: false });
    expect(policyConflicts.parseTyped('title', 'A\u202Eb')).toMatchObject({ ok: false });
    expect(policyConflicts.parseTyped('ownerStaffId', 'u-1')).toBeNull();
    expect(approvalConflicts.parseTyped('decision', 'approved')).toBeNull();
  });
});
