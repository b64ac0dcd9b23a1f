import { describe, expect, it } from 'vitest';
import {
  daysBefore,
  type DocumentLike,
  latestFile,
  patientsExpectedOn,
  selectOfflineFiles,
} from './offline-selection.ts';

const P1 = '0195a0c4-0000-7000-8000-000000000001';
const P2 = '0195a0c4-0000-7000-8000-000000000002';
const P3 = '0195a0c4-0000-7000-8000-000000000003';
const stamp = { at: '2026-03-02T09:00:00.000Z' };

function doc(id: string, fields: Partial<DocumentLike> & { sha?: string } = {}): DocumentLike {
  const { sha = `${id}-file`, ...rest } = fields;
  return {
    id,
    createdAt: '2026-03-01T10:00:00.000Z',
    versions: { v1: { file: { sha256: sha, size: 100 }, added: stamp } },
    ...rest,
  };
}

describe('the patients expected today', () => {
  it('are those checked in today, not a cancelled visit nor another day’s', () => {
    expect(
      patientsExpectedOn('2026-03-02', {
        visits: [
          { patientId: P2, day: '2026-03-02' },
          { patientId: P1, day: '2026-03-02' },
          { patientId: P1, day: '2026-03-02' },
          { patientId: P3, day: '2026-03-02', cancelled: stamp },
          { patientId: P3, day: '2026-03-01' },
        ],
      }),
    ).toEqual([P1, P2]);
  });
});

describe('which files the documents ask to keep', () => {
  it('takes a document’s latest version, by when it was added', () => {
    expect(
      latestFile({
        versions: {
          b: { file: { sha256: 'rescan', size: 2 }, added: { at: '2026-03-03T09:00:00.000Z' } },
          a: { file: { sha256: 'first', size: 1 }, added: { at: '2026-03-01T09:00:00.000Z' } },
        },
      }),
    ).toEqual({ sha256: 'rescan', size: 2 });
  });

  it('counts back calendar days', () => {
    expect(daysBefore('2026-03-02', 365)).toBe('2025-03-02');
    expect(daysBefore('2024-03-01', 1)).toBe('2024-02-29');
  });

  it('keeps pinned documents and today’s patients’ recent ones, newest first', () => {
    const selection = selectOfflineFiles({
      documents: [
        doc('old-lab', { patientId: P1, documentDate: '2024-01-10' }),
        doc('referral', { patientId: P1, documentDate: '2026-02-20' }),
        doc('labs', { patientId: P1, documentDate: '2026-02-27' }),
        doc('trashed', { patientId: P1, documentDate: '2026-02-28', trashed: stamp }),
        doc('not-today', { patientId: P2, documentDate: '2026-02-28' }),
        doc('contract', { documentDate: '2020-01-01' }),
        doc('undated', { patientId: P1 }),
        doc('removed', { patientId: P1, _deleted: true }),
      ],
      pinnedIds: new Set(['contract', 'trashed']),
      patientIds: [P1],
      day: '2026-03-02',
      recentDays: 365,
    });
    expect(selection.today.map((f) => f.sha256)).toEqual([
      'undated-file',
      'labs-file',
      'referral-file',
    ]);
    expect(selection.pinned.map((f) => f.sha256)).toEqual(['trashed-file', 'contract-file']);
    expect(selection.documentFiles.has('old-lab-file')).toBe(true);
    expect(selection.documentFiles.has('removed-file')).toBe(false);
  });
});
