import { describe, expect, it } from 'vitest';
import { latestVersion, numberedVersions, versionName } from './document-versions.ts';

const by = {
  userId: 'u1',
  name: 'Synthetic Desk',
  deviceId: '0195a0c4-0000-7000-8000-000000000090',
};
const file = (n: number) => ({
  sha256: String(n).repeat(64),
  type: 'application/pdf' as const,
  size: n,
});
const version = (n: number, at: string, label?: string) => ({
  file: file(n),
  pageCount: 1,
  added: { at, by },
  ...(label ? { label } : {}),
});

describe('document versions', () => {
  const doc = {
    versions: {
      z: version(1, '2026-03-01T10:00:00.000Z'),
      b: version(3, '2026-03-05T10:00:00.000Z', 'Signed copy'),
      a: version(2, '2026-03-02T10:00:00.000Z'),
      c: version(4, '2026-03-05T10:00:00.000Z'),
    },
  };

  it('numbers versions by when they were added, the earliest Version 1', () => {
    expect(numberedVersions(doc).map((v) => [v.id, v.number])).toEqual([
      ['z', 1],
      ['a', 2],
      ['b', 3],
      ['c', 4],
    ]);
    expect(latestVersion(doc)?.id).toBe('c');
  });

  it('names a version with its label', () => {
    expect(versionName({ number: 3, label: 'Signed copy' })).toBe('Version 3 · Signed copy');
    expect(versionName({ number: 1 })).toBe('Version 1');
  });
});
