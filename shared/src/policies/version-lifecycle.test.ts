import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VERSION_STATUSES, type VersionStatus } from './policy-labels.ts';
import { HASH_1, HASH_2, published, versionOf } from './policy.fixture.ts';
import type { PolicyVersion } from './policy-version.schema.ts';
import { policyVersionChange, versionStatusLabel, versionWritableBy } from './version-lifecycle.ts';

const code = (stored: PolicyVersion | undefined, next: PolicyVersion) => {
  const result = policyVersionChange(stored, next);
  return result.ok ? 'ok' : result.error.code;
};

describe('policy version lifecycle', () => {
  it('goes draft → in review → approved → published → superseded → retired', () => {
    const steps: VersionStatus[] = ['draft', 'in-review', 'approved', 'published', 'superseded', 'retired']; // prettier-ignore
    for (const [i, status] of steps.slice(1).entries())
      expect(code(versionOf(1, { status: steps[i]! }), versionOf(1, { status }))).toBe('ok');
  });

  it('refuses a skipped step or a way back from publication', () => {
    expect(code(versionOf(1), versionOf(1, { status: 'published' }))).toBe('version-move-not-allowed'); // prettier-ignore
    expect(code(published(1), published(1, { status: 'draft' }))).toBe('version-move-not-allowed');
    expect(code(published(1, { status: 'retired' }), published(1))).toBe('version-move-not-allowed'); // prettier-ignore
  });

  it('never changes a published version: its text, hash and date stay, whoever sends it', () => {
    const stored = published(1);
    expect(code(stored, { ...stored, text: 'AQID' })).toBe('published-version-fixed');
    expect(code(stored, { ...stored, contentHash: HASH_2 })).toBe('published-version-fixed');
    expect(code(stored, { ...stored, effectiveOn: '2026-03-01' })).toBe('published-version-fixed');
    expect(code(stored, { ...stored, changeSummary: 'Reworded' })).toBe('published-version-fixed');
    // Bookkeeping (who saved it last) may change; the move to superseded brings its own date.
    expect(code(stored, { ...stored, updatedAt: '2026-03-01T09:00:00.000Z' })).toBe('ok');
    expect(code(stored, { ...stored, status: 'superseded', supersededOn: '2026-06-01' })).toBe('ok'); // prettier-ignore
    expect(code(stored, { ...stored, supersededOn: '2026-06-01' })).toBe('published-version-fixed');
    const superseded = published(1, { status: 'superseded', supersededOn: '2026-06-01' });
    expect(code(superseded, { ...superseded, supersededOn: '2026-07-01' })).toBe('published-version-fixed'); // prettier-ignore
  });

  it('keeps what the approvers signed once approved, unless it goes back to review', () => {
    const inReview = versionOf(2, { status: 'in-review', contentHash: HASH_1, reviewRound: 1 });
    const approved = { ...inReview, status: 'approved' as const, approvedAt: '2026-01-20T15:00:00.000Z' }; // prettier-ignore
    expect(code(inReview, approved)).toBe('ok');
    expect(code(inReview, { ...approved, text: 'AQID' })).toBe('version-content-fixed');
    expect(code(approved, { ...approved, contentHash: HASH_2 })).toBe('version-content-fixed');
    expect(code(approved, { ...approved, status: 'in-review', text: 'AQID', contentHash: HASH_2 })).toBe('ok'); // prettier-ignore
    // Publishing sets the effective date; the content stays.
    expect(code(approved, { ...approved, status: 'published', effectiveOn: '2026-02-01' })).toBe('ok'); // prettier-ignore
    expect(code(approved, { ...approved, status: 'published', text: 'AQID' })).toBe('version-content-fixed'); // prettier-ignore
  });

  it('starts a version as a draft (or published at once, adopting a starter text)', () => {
    expect(code(undefined, versionOf(1))).toBe('ok');
    expect(code(undefined, published(1))).toBe('ok');
    expect(code(undefined, versionOf(1, { status: 'approved' }))).toBe('version-must-start-as-draft'); // prettier-ignore
  });

  it('keeps every version that was approved or issued: only drafts are discarded', () => {
    const gone = (version: PolicyVersion) => ({ ...version, _deleted: true });
    expect(code(versionOf(2), gone(versionOf(2)))).toBe('ok');
    expect(code(published(1), gone(published(1)))).toBe('version-kept');
    const superseded = published(1, { status: 'superseded', supersededOn: '2026-06-01' });
    expect(code(superseded, gone(superseded))).toBe('version-kept');
  });

  it('never moves a version to another policy or number', () => {
    expect(code(versionOf(2), { ...versionOf(2), versionNumber: 3 })).toBe(
      'version-identity-fixed',
    );
  });

  it('lets authors and approvers of any role write and sign; only the office manager publishes', () => {
    expect(versionWritableBy('clinician', versionOf(1, { status: 'in-review' }))).toBe(true);
    expect(versionWritableBy('front-desk', published(1))).toBe(false);
    expect(versionWritableBy('office-manager', published(1))).toBe(true);
  });

  it('says when a published version takes effect later', () => {
    const later = published(2, { effectiveOn: '2027-02-01' });
    expect(versionStatusLabel(later, '2027-01-15')).toBe('Published, effective on 02/01/2027');
    expect(versionStatusLabel(later, '2027-02-01')).toBe('Published');
  });

  it('never lets a sequence of accepted writes change a published version’s content', () => {
    const statusArb = fc.constantFrom(...VERSION_STATUSES);
    const writeArb = fc.record({
      status: statusArb,
      text: fc.constantFrom('AAA=', 'AQID'),
      contentHash: fc.constantFrom(HASH_1, HASH_2),
      effectiveOn: fc.constantFrom('2026-02-01', '2026-03-01'),
      supersededOn: fc.option(fc.constantFrom('2026-06-01', '2026-07-01'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(writeArb, { maxLength: 12 }), (writes) => {
        const start = published(1);
        let stored = start;
        for (const write of writes) {
          const next = { ...stored, ...write };
          if (policyVersionChange(stored, next).ok) stored = next;
        }
        expect([stored.text, stored.contentHash, stored.effectiveOn]).toEqual([start.text, start.contentHash, start.effectiveOn]); // prettier-ignore
        expect(['published', 'superseded', 'retired']).toContain(stored.status);
      }),
      { seed: Number(process.env.FC_SEED ?? 20261213), numRuns: 300 },
    );
  });
});
