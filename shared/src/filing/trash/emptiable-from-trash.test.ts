import { describe, expect, it } from 'vitest';
import type { HoldLike } from '../legal-hold/held-by.ts';
import { emptiableFromTrash } from './emptiable-from-trash.ts';

const trashed = (id: string, at: string, patientId?: string) => ({
  id,
  patientId,
  trashed: { at },
});
const lab = trashed('lab', '2026-01-01T09:00:00.000Z', 'patient-1');
const invoice = trashed('invoice', '2026-01-01T09:00:00.000Z');
const fresh = trashed('fresh', '2026-01-25T09:00:00.000Z');

describe('emptiableFromTrash', () => {
  it('empties what has been in the trash for the whole period, and not a moment sooner', () => {
    const before = emptiableFromTrash([lab, invoice], [], '2026-01-31T08:59:59.999Z');
    expect(before.emptiable).toEqual([]);
    expect(before.waiting.map((w) => w.expiresAt)).toEqual([
      '2026-01-31T09:00:00.000Z',
      '2026-01-31T09:00:00.000Z',
    ]);
    const after = emptiableFromTrash([lab, invoice, fresh], [], '2026-01-31T09:00:00.000Z');
    expect(after.emptiable).toEqual([lab, invoice]);
    expect(after.waiting.map((w) => w.document)).toEqual([fresh]);
  });

  it('uses the period the practice set', () => {
    expect(emptiableFromTrash([fresh], [], '2026-02-01T09:00:00.000Z', 7).emptiable).toEqual([
      fresh,
    ]);
  });

  it('keeps a document whose patient was put on hold after it was trashed', () => {
    const hold: HoldLike = {
      id: 'h1',
      patientId: 'patient-1',
      placed: { at: '2026-01-20T12:00:00.000Z' },
    };
    const review = emptiableFromTrash([lab, invoice], [hold], '2026-03-01T00:00:00.000Z');
    expect(review.emptiable).toEqual([invoice]);
    expect(review.held).toEqual([{ document: lab, holds: [hold] }]);
  });

  it('empties a held document once the hold is released', () => {
    const hold: HoldLike = {
      id: 'h2',
      documentId: 'invoice',
      placed: { at: '2025-12-01T00:00:00.000Z' },
      released: { at: '2026-02-10T00:00:00.000Z' },
    };
    expect(emptiableFromTrash([invoice], [hold], '2026-02-09T00:00:00.000Z').held).toHaveLength(1);
    expect(emptiableFromTrash([invoice], [hold], '2026-02-10T00:00:00.000Z').emptiable).toEqual([
      invoice,
    ]);
  });

  it('never empties a document whose trash time cannot be read', () => {
    const odd = trashed('odd', 'not a time');
    expect(emptiableFromTrash([odd], [], '2099-01-01T00:00:00.000Z').waiting).toEqual([
      { document: odd, expiresAt: null },
    ]);
  });
});
