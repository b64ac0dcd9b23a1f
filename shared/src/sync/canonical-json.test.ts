import { describe, expect, it } from 'vitest';
import { canonicalJson, sameDocumentState, toWireDocument } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { id: '1', address: { city: 'Springfield', line1: '1 Elm St' }, _deleted: false };
    const b = { _deleted: false, address: { line1: '1 Elm St', city: 'Springfield' }, id: '1' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('ignores RxDB bookkeeping at the top level only', () => {
    const local = { id: '1', _rev: '3-abc', _meta: { lwt: 1 }, _attachments: {}, _deleted: false };
    expect(canonicalJson(local)).toBe('{"_deleted":false,"id":"1"}');
    expect(canonicalJson({ id: '1', notes: { _rev: 'kept' } })).toContain('_rev');
  });

  it('treats an undefined field as absent', () => {
    expect(sameDocumentState({ id: '1', email: undefined }, { id: '1' })).toBe(true);
  });

  it('tells different values apart', () => {
    expect(sameDocumentState({ id: '1', phone: '5550100' }, { id: '1', phone: '5550101' })).toBe(
      false,
    );
    expect(sameDocumentState({ id: '1', _deleted: false }, { id: '1', _deleted: true })).toBe(
      false,
    );
  });

  it('keeps array order, which is meaningful', () => {
    expect(sameDocumentState({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});

describe('toWireDocument', () => {
  it('drops local bookkeeping and undefined fields but keeps _deleted', () => {
    expect(
      toWireDocument({ id: '1', _rev: '1-a', _meta: {}, _deleted: true, x: undefined }),
    ).toEqual({ id: '1', _deleted: true });
  });
});
