import { DEFAULT_FILING_SETTINGS } from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { describe, expect, it } from 'vitest';
import { formatSize } from './offline-inputs.ts';
import { shelfOf } from './offline-shelf.ts';

const MB = 1_000_000;
const AT = '2026-03-01T10:00:00.000Z';
const by = { userId: 'u1', name: 'Ana', deviceId: '019abc00-0000-7000-8000-00000000000a' };
const id = (n: number) => `019d5000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const doc = (n: number, title: string, mb: number, patientId?: string): FiledDocument => ({
  id: id(n),
  kind: 'filedDocument',
  title,
  documentDate: '2026-02-20',
  ...(patientId && { patientId }),
  source: 'upload',
  versions: {
    [id(n + 100)]: {
      file: { sha256: `file-${n}`, type: 'application/pdf', size: mb * MB },
      pageCount: 1,
      added: { at: AT, by },
    },
  },
  captured: { at: AT, by },
  createdAt: AT,
  updatedAt: AT,
});

describe('what the device screen lists', () => {
  it('each document kept, not uploaded and pinned first, and a pinned one still to come', () => {
    const { plan, rows } = shelfOf({
      documents: [
        doc(1, 'Zoster consent', 1),
        doc(2, 'Referral', 2, id(50)),
        doc(3, 'Scan from this morning', 1),
        doc(4, 'Pinned, not here yet', 3),
        doc(5, 'Never opened', 1),
      ],
      stored: [
        { sha256: 'file-1', size: MB, usedAt: AT },
        { sha256: 'file-2', size: 2 * MB, usedAt: AT },
        { sha256: 'file-3', size: MB, usedAt: AT },
      ],
      uploads: ['file-3'],
      pins: [id(4)],
      patientIds: [id(50)],
      day: '2026-03-02',
      settings: DEFAULT_FILING_SETTINGS,
    });
    expect(rows.map((row) => [row.document.title, row.reason])).toEqual([
      ['Scan from this morning', 'unsynced'],
      ['Pinned, not here yet', 'waiting'],
      ['Referral', 'today'],
      ['Zoster consent', 'recently-used'],
    ]);
    expect(plan.usedBytes).toBe(4 * MB);
  });

  it('says when pinned and unsynced files alone take more than the budget', () => {
    const { plan } = shelfOf({
      documents: [doc(1, 'Large scan', 60)],
      stored: [{ sha256: 'file-1', size: 60 * MB, usedAt: AT }],
      uploads: [],
      pins: [id(1)],
      patientIds: [],
      day: '2026-03-02',
      settings: { ...DEFAULT_FILING_SETTINGS, offlineBudgetMb: 50 },
    });
    expect(plan).toMatchObject({ overBudget: true, evict: [] });
    expect(formatSize(plan.essentialBytes)).toBe('60 MB');
  });

  it('writes sizes as staff read them', () => {
    expect([formatSize(820_000), formatSize(2_400_000), formatSize(500 * MB), formatSize(10)]).toEqual(['820 KB', '2.4 MB', '500 MB', '1 KB']); // prettier-ignore
  });
});
