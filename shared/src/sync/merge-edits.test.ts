import { describe, expect, it } from 'vitest';
import type { Editor } from './conflict.schema.ts';
import {
  conflictId,
  type EditableDocument,
  mergeEdits,
  settleConflict,
  valueAtPath,
} from './merge-edits.ts';

type Doc = EditableDocument & {
  phone?: string;
  givenName?: string;
  address: { city: string; line1: string };
};

const ana: Editor = {
  userId: 'u-ana',
  name: 'Ana Front Desk',
  deviceId: '019abc00-0000-7000-8000-00000000000a',
};
const ben: Editor = {
  userId: 'u-ben',
  name: 'Ben Front Desk',
  deviceId: '019abc00-0000-7000-8000-00000000000b',
};
const base: Doc = {
  id: 'p1',
  givenName: 'Rowan',
  phone: '+15552010147',
  address: { city: 'Springfield', line1: '1 Elm St' },
  updatedAt: '2026-11-26T09:00:00.000Z',
  _deleted: false,
};

describe('mergeEdits', () => {
  it('takes the later edit stamp and records nothing when the fields differ', () => {
    const kept = {
      ...base,
      phone: '+15552010199',
      updatedAt: '2026-11-26T10:00:00.000Z',
      editedBy: ana,
    };
    const other = {
      ...base,
      givenName: 'Ro',
      updatedAt: '2026-11-26T11:00:00.000Z',
      editedBy: ben,
    };
    const merged = mergeEdits(base, kept, other);
    expect(merged).toEqual({
      ...base,
      givenName: 'Ro',
      phone: '+15552010199',
      updatedAt: '2026-11-26T11:00:00.000Z',
      editedBy: ben,
    });
  });

  it('records the value that would have been lost, with who and when', () => {
    const kept = {
      ...base,
      phone: '+15552010199',
      updatedAt: '2026-11-26T10:00:00.000Z',
      editedBy: ana,
    };
    const other = {
      ...base,
      phone: '+15552010100',
      updatedAt: '2026-11-26T10:05:00.000Z',
      editedBy: ben,
    };
    const merged = mergeEdits(base, kept, other);
    expect(merged.phone).toBe('+15552010199');
    const conflicts = Object.entries(merged.conflicts ?? {});
    expect(conflicts).toHaveLength(1);
    const [id, conflict] = conflicts[0]!;
    expect(id).toBe(conflictId(conflict));
    expect(conflict).toEqual({
      path: 'phone',
      base: '+15552010147',
      kept: { value: '+15552010199', at: '2026-11-26T10:00:00.000Z', by: ana },
      other: { value: '+15552010100', at: '2026-11-26T10:05:00.000Z', by: ben },
      status: 'open',
    });
  });

  it('does not record a conflict twice when the merge runs again', () => {
    const kept = { ...base, phone: '+15552010199', editedBy: ana };
    const other = { ...base, phone: '+15552010100', editedBy: ben };
    const once = mergeEdits(base, kept, other);
    const twice = mergeEdits(base, once, other);
    expect(twice).toEqual(once);
  });

  it('lets a settlement made on one side win over the open record on the other', () => {
    const kept = { ...base, phone: '+15552010199', editedBy: ana };
    const other = { ...base, phone: '+15552010100', editedBy: ben };
    const withConflict = mergeEdits(base, kept, other);
    const [id] = Object.keys(withConflict.conflicts ?? {});
    const settled = settleConflict(
      withConflict,
      id!,
      '+15552010100',
      ana,
      new Date('2026-11-26T12:00:00Z'),
    );
    const merged = mergeEdits(withConflict, withConflict, settled);
    expect(merged.phone).toBe('+15552010100');
    expect(merged.conflicts?.[id!]?.status).toBe('settled');
    expect(merged.conflicts?.[id!]?.settlement).toEqual({
      value: '+15552010100',
      at: '2026-11-26T12:00:00.000Z',
      by: ana,
    });
  });
});

describe('settleConflict', () => {
  const kept = { ...base, address: { ...base.address, city: 'Shelbyville' }, editedBy: ana };
  const other = { ...base, address: { ...base.address, city: 'Ogdenville' }, editedBy: ben };
  const doc = mergeEdits(base, kept, other);
  const id = Object.keys(doc.conflicts ?? {})[0]!;

  it('sets a nested field to the chosen value and stamps the decision', () => {
    const settled = settleConflict(doc, id, 'Ogdenville', ben, new Date('2026-11-26T12:00:00Z'));
    expect(valueAtPath(settled, 'address.city')).toBe('Ogdenville');
    expect(settled.editedBy).toEqual(ben);
    expect(settled.updatedAt).toBe('2026-11-26T12:00:00.000Z');
    expect(doc.address.city).toBe('Shelbyville');
  });

  it('refuses to settle a conflict that is not open', () => {
    const settled = settleConflict(doc, id, 'Ogdenville', ben, new Date());
    expect(() => settleConflict(settled, id, 'x', ben, new Date())).toThrow(/No open conflict/);
  });
});
