import { policyVersionChange } from '@clinicdesk/shared/policies/version-lifecycle.ts';
import { versionInForce } from '@clinicdesk/shared/policies/version-in-force.ts';
import { KIND_SCHEMAS } from '@clinicdesk/shared/registry/kind-schemas.ts';
import { describe, expect, it } from 'vitest';
import { contentHashOf } from '../lifecycle/content-hash.ts';
import { starterRecords } from './starter-records.ts';

const manager = {
  userId: 'staff-manager',
  name: 'Demo Office Manager',
  deviceId: '0192a000-0000-7000-8000-00000000000a',
};
const adopt = (deviceId: string, at: string) =>
  starterRecords((v) => contentHashOf(v, v.text), { ...manager, deviceId }, new Date(at), '2026-12-02'); // prettier-ignore

describe('adopting the starter manual', () => {
  it('makes valid manuals and policies, each with a first version in force today', async () => {
    const { manuals, policies, versions } = await adopt(
      '0192a000-0000-7000-8000-00000000000a',
      '2026-12-02T10:00:00Z',
    );
    expect(manuals.map((m) => m.title)).toContain('HIPAA privacy');
    for (const record of [...manuals, ...policies, ...versions])
      expect(KIND_SCHEMAS[record.kind].safeParse(record).error?.issues).toBeUndefined();
    for (const version of versions) expect(policyVersionChange(undefined, version).ok).toBe(true);
    for (const policy of policies)
      expect(versionInForce(versions, policy.id, '2026-12-02')?.versionNumber).toBe(1);
    expect(policies.filter((p) => p.privacyNotice)).toHaveLength(1);
  });

  it('writes the same ids, texts and hashes on two devices adopting apart', async () => {
    const [a, b] = await Promise.all([adopt('0192a000-0000-7000-8000-00000000000a', '2026-12-02T10:00:00Z'), adopt('0192a000-0000-7000-8000-00000000000b', '2026-12-02T11:30:00Z')]); // prettier-ignore
    expect(b.policies.map((p) => p.id)).toEqual(a.policies.map((p) => p.id));
    expect(b.versions.map((v) => [v.id, v.text, v.contentHash])).toEqual(
      a.versions.map((v) => [v.id, v.text, v.contentHash]),
    );
  });
});
