import { describe, expect, it } from 'vitest';
import type { Reader, StoredDocument } from '../registry/partition.ts';
import { FILING_SCOPE } from './filing-scope.ts';

const categories = new Map<string, StoredDocument>([
  ['insurance', { id: 'insurance', kind: 'category', name: 'Insurance' }],
  ['personnel', { id: 'personnel', kind: 'category', name: 'Personnel files', readRoles: ['office-manager'] }], // prettier-ignore
]);
const stamp = (userId: string) => ({ at: '2026-12-01T10:00:00.000Z', by: { userId, name: 'Synthetic Person', deviceId: 'd' } }); // prettier-ignore
const document = (fields: Record<string, unknown>): StoredDocument => ({
  id: 'doc',
  kind: 'filedDocument',
  captured: stamp('u-desk'),
  ...fields, // prettier-ignore
});
const desk: Reader = { role: 'front-desk', userId: 'u-desk' };
const otherDesk: Reader = { role: 'front-desk', userId: 'u-other' };
const billing: Reader = { role: 'billing', userId: 'u-bill' };
const manager: Reader = { role: 'office-manager', userId: 'u-om' };
const inScope = (reader: Reader, doc: StoredDocument) => FILING_SCOPE.inScope(reader, doc, categories); // prettier-ignore

describe('who reads which filing record', () => {
  it('lets every filing reader read a document filed in an open category', () => {
    const filed = document({ categoryId: 'insurance', filed: stamp('u-desk') });
    for (const reader of [desk, otherDesk, billing, manager])
      expect(inScope(reader, filed)).toBe(true);
  });

  it('keeps a restricted category’s documents to the roles it names', () => {
    const personnel = document({ categoryId: 'personnel', filed: stamp('u-om') });
    expect(inScope(billing, personnel)).toBe(false);
    expect(inScope(desk, personnel)).toBe(false);
    expect(inScope(manager, personnel)).toBe(true);
  });

  it('keeps an unfiled scan to whoever captured it and the office manager', () => {
    const unfiled = document({ categoryId: 'insurance' });
    expect(inScope(desk, unfiled)).toBe(true);
    expect(inScope(otherDesk, unfiled)).toBe(false);
    expect(inScope(billing, unfiled)).toBe(false);
    expect(inScope(manager, unfiled)).toBe(true);
  });

  it('lets every reader read the setup: categories, even restricted ones, are the tree', () => {
    expect(inScope(billing, categories.get('personnel')!)).toBe(true);
  });
});
