import { describe, expect, it } from 'vitest';
import { isCollectionName, validateWireDocument } from './collections.ts';

const doc = {
  id: '019abc00-0000-7000-8000-000000000001',
  kind: 'patient',
  givenName: 'Rowan',
  familyName: 'Ashby',
  dateOfBirth: '1990-07-01',
  sex: 'male',
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
  _deleted: false,
};

describe('validateWireDocument', () => {
  it('accepts a valid patient and keeps the tombstone flag', () => {
    expect(validateWireDocument('patients', { ...doc, _deleted: true })).toEqual({
      ok: true,
      value: { ...doc, _deleted: true },
    });
  });

  it('refuses unknown fields, with the path but not the value', () => {
    const result = validateWireDocument('patients', { ...doc, ssn: '000-00-0000' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-document');
    expect(JSON.stringify(result.error)).not.toContain('000-00-0000');
  });

  it('refuses a document without a tombstone flag or of the wrong shape', () => {
    const { _deleted, ...noFlag } = doc;
    expect(validateWireDocument('patients', noFlag).ok).toBe(false);
    expect(validateWireDocument('patients', [doc]).ok).toBe(false);
    expect(validateWireDocument('patients', { ...doc, dateOfBirth: '1990-02-30' }).ok).toBe(false);
  });

  it('refuses a record that names no kind, or a kind its partition does not hold', () => {
    const { kind: _kind, ...noKind } = doc;
    for (const [partition, body] of [
      ['patients', noKind],
      ['patients', { ...doc, kind: 'visit' }],
      ['visits', doc],
      ['patients', { ...doc, kind: 'toString' }],
    ] as const) {
      const result = validateWireDocument(partition, body);
      expect(result, `${partition} ${JSON.stringify(body).slice(0, 60)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-document', issues: [{ path: 'kind' }] },
      });
    }
  });

  it('knows only its collections, not Object.prototype', () => {
    expect(isCollectionName('patients')).toBe(true);
    expect(isCollectionName('__proto__')).toBe(false);
    expect(isCollectionName('toString')).toBe(false);
  });
});
