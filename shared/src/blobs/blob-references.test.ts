import { describe, expect, it } from 'vitest';
import { blobReferences } from './blob-references.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('blobReferences', () => {
  it('finds every file a record refers to, wherever it is, once each', () => {
    const patient = {
      id: 'p1',
      photo: { sha256: B, type: 'image/jpeg', size: 10 },
      coverage: { primary: { cardFront: { sha256: A, type: 'image/jpeg', size: 5 }, cardBack: { sha256: B, type: 'image/jpeg', size: 10 } } }, // prettier-ignore
      notes: [{ sha256: A, type: 'application/pdf', size: 3 }],
    };
    expect(blobReferences(patient)).toEqual([A, B]);
  });

  it('takes no other text for a file: a hash without a type, or not a SHA-256', () => {
    expect(blobReferences({ sha256: A })).toEqual([]);
    expect(blobReferences({ sha256: 'A'.repeat(64), type: 'image/jpeg' })).toEqual([]);
    expect(blobReferences({ phone: A })).toEqual([]);
    expect(blobReferences(null)).toEqual([]);
  });
});
