import { describe, expect, it } from 'vitest';
import { heldBy, type HoldLike } from './held-by.ts';

const patientHold: HoldLike = {
  id: 'hold-p',
  patientId: 'patient-1',
  placed: { at: '2026-03-01T10:00:00.000Z' },
};
const documentHold: HoldLike = {
  id: 'hold-d',
  documentId: 'doc-9',
  placed: { at: '2026-02-01T10:00:00.000Z' },
  released: { at: '2026-04-01T10:00:00.000Z' },
};
const now = '2026-03-15T12:00:00.000Z';

describe('heldBy', () => {
  it('holds a document through its patient and by its own id, oldest hold first', () => {
    expect(
      heldBy({ id: 'doc-9', patientId: 'patient-1' }, [patientHold, documentHold], now),
    ).toEqual([documentHold, patientHold]);
    expect(heldBy({ id: 'doc-2', patientId: 'patient-1' }, [documentHold], now)).toEqual([]);
  });

  it("does not hold the practice's own papers through a patient hold", () => {
    expect(heldBy({ id: 'contract-1' }, [patientHold], now)).toEqual([]);
  });

  it('lets a hold go only once it is released, not when the release is still ahead', () => {
    const doc = { id: 'doc-9' };
    expect(heldBy(doc, [documentHold], '2026-03-31T23:59:59.999Z')).toHaveLength(1);
    expect(heldBy(doc, [documentHold], '2026-04-01T10:00:00.000Z')).toEqual([]);
  });

  it('honours a hold stamped by a device whose clock runs ahead of this one', () => {
    const ahead = { ...patientHold, placed: { at: '2026-03-16T08:00:00.000Z' } };
    expect(heldBy({ id: 'doc-1', patientId: 'patient-1' }, [ahead], now)).toEqual([ahead]);
  });

  it('keeps holding when the release time cannot be read', () => {
    const garbled = { ...documentHold, released: { at: 'yesterday' } };
    expect(heldBy({ id: 'doc-9' }, [garbled], now)).toEqual([garbled]);
  });
});
