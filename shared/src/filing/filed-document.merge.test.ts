import { describe, expect, it } from 'vitest';
import { mergeEdits } from '../sync/merge-edits.ts';
import { type FiledDocument, filedDocumentSchema } from './filed-document.schema.ts';

const ID = (n: number) => `0195a0c4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const desk = { userId: 'u-desk', name: 'Synthetic Desk', deviceId: ID(90) };
const billing = { userId: 'u-bill', name: 'Synthetic Biller', deviceId: ID(91) };
const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const version = (n: number, by = desk) => ({
  file: {
    sha256: String(n).repeat(64).slice(0, 64),
    type: 'application/pdf' as const,
    size: 1000 + n,
  },
  pageCount: 2,
  added: { at: at(n), by },
});

const base: FiledDocument = filedDocumentSchema.parse({
  id: ID(1),
  kind: 'filedDocument',
  title: 'Explanation of benefits',
  source: 'scan',
  versions: { [ID(10)]: version(1) },
  tags: { [ID(20)]: true, [ID(21)]: true },
  captured: { at: at(0), by: desk },
  createdAt: at(0),
  updatedAt: at(0),
});

describe('a filed document edited on two offline tablets', () => {
  it('keeps the tags each added and drops the one either removed', () => {
    const onDesk = { ...base, tags: { ...base.tags, [ID(22)]: true as const }, updatedAt: at(5), editedBy: desk }; // prettier-ignore
    const { [ID(20)]: _removed, ...rest } = base.tags ?? {};
    const onBilling = { ...base, tags: { ...rest, [ID(23)]: true as const }, updatedAt: at(6), editedBy: billing }; // prettier-ignore
    const merged = mergeEdits(base, onDesk, onBilling);
    expect(Object.keys(merged.tags ?? {}).sort()).toEqual([ID(21), ID(22), ID(23)]);
    expect(merged.conflicts).toBeUndefined();
    expect(filedDocumentSchema.safeParse(merged).success).toBe(true);
  });

  it('keeps a new version added on each', () => {
    const onDesk = { ...base, versions: { ...base.versions, [ID(11)]: version(2) } };
    const onBilling = { ...base, versions: { ...base.versions, [ID(12)]: version(3, billing) } };
    const merged = mergeEdits(base, onDesk, onBilling);
    expect(Object.keys(merged.versions).sort()).toEqual([ID(10), ID(11), ID(12)]);
  });

  it('records both titles when both retitled it differently', () => {
    const merged = mergeEdits(base, { ...base, title: 'EOB March' }, { ...base, title: 'EOB, 3/2026' }); // prettier-ignore
    expect(merged.title).toBe('EOB March');
    expect(Object.values(merged.conflicts ?? {}).map((c) => c.path)).toEqual(['title']);
  });
});
