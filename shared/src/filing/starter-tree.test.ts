import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids/uuid-v7.ts';
import { KIND_SCHEMAS } from '../registry/kind-schemas.ts';
import { categoryReaders } from './category-readers.ts';
import type { Category } from './category.schema.ts';
import { FILING_READERS } from './filing-scope.ts';
import { validateMatchingRule } from './matching/matching-rule.ts';
import { starterFilingRecords, type StarterRecords } from './starter-tree.ts';

const NOW = '2026-12-01T09:00:00.000Z';
const EDITOR = {
  userId: 'u-om',
  name: 'Synthetic Manager',
  deviceId: '019a0000-0000-7000-8000-000000000001',
};

/** Ids from a counter: the same sequence every run. */
function counterIds(start = 0): () => string {
  let n = start;
  return () => {
    n += 1;
    const random = new Uint8Array(10);
    new DataView(random.buffer).setUint32(6, n);
    return uuidv7(Date.parse(NOW), random);
  };
}

const make = (): StarterRecords =>
  starterFilingRecords({ newId: counterIds(), now: NOW, editor: EDITOR });

function pathOf(records: StarterRecords, name: string): string[] {
  const byId = new Map(records.categories.map((c) => [c.id, c]));
  let category = records.categories.find((c) => c.name === name);
  const path: string[] = [];
  while (category) {
    path.unshift(category.name);
    category = category.parentId ? byId.get(category.parentId) : undefined;
  }
  return path;
}

describe('the starter file tree', () => {
  it('makes the same records from the same ids, time and editor', () => {
    expect(make()).toEqual(make());
    const other = starterFilingRecords({ newId: counterIds(1000), now: NOW, editor: EDITOR });
    expect(other.categories.map((c) => c.name)).toEqual(make().categories.map((c) => c.name));
    expect(other.categories[0]?.id).not.toBe(make().categories[0]?.id);
  });

  it('makes records the server accepts, each with its own id', () => {
    const records = make();
    const all = [
      ...records.categories.map((r) => KIND_SCHEMAS.category.safeParse(r)),
      ...records.documentTypes.map((r) => KIND_SCHEMAS.documentType.safeParse(r)),
      ...records.customFields.map((r) => KIND_SCHEMAS.customField.safeParse(r)),
      ...records.tags.map((r) => KIND_SCHEMAS.tag.safeParse(r)),
    ];
    expect(all.filter((parsed) => !parsed.success)).toEqual([]);
    const ids = [records.categories, records.documentTypes, records.customFields, records.tags]
      .flat()
      .map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('nests categories as the office reads them, parents stored before their children', () => {
    const records = make();
    expect(pathOf(records, 'Labs')).toEqual(['Clinical', 'Outside records', 'Labs']);
    expect(pathOf(records, 'Prior authorizations')).toEqual([
      'Administrative',
      'Prior authorizations',
    ]);
    expect(pathOf(records, 'Business associate agreements')).toEqual([
      'Practice',
      'Business associate agreements',
    ]);
    const seen = new Set<string>();
    for (const category of records.categories) {
      if (category.parentId) expect(seen.has(category.parentId)).toBe(true);
      seen.add(category.id);
    }
  });

  it('gives siblings distinct names and orders them as listed', () => {
    const byParent = new Map<string, Category[]>();
    for (const category of make().categories) {
      const key = category.parentId ?? 'top';
      byParent.set(key, [...(byParent.get(key) ?? []), category]);
    }
    for (const siblings of byParent.values()) {
      const names = siblings.map((s) => s.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      expect(siblings.map((s) => s.order)).toEqual(siblings.map((_, i) => i));
    }
    const types = make().documentTypes.map((t) => t.name.toLowerCase());
    expect(new Set(types).size).toBe(types.length);
  });

  it('restricts behavioral health, Part 2, HIV and personnel records, and leaves the rest open', () => {
    const records = make();
    const categories = new Map(records.categories.map((c) => [c.id, c]));
    const readersOf = (name: string) => {
      const category = records.categories.find((c) => c.name === name);
      if (!category) throw new Error(`No category ${name}`);
      return categoryReaders(category.id, categories, FILING_READERS);
    };
    for (const name of ['Behavioral health', 'Substance-use treatment', 'HIV & sexual health'])
      expect(readersOf(name)).toEqual(['clinician', 'office-manager']);
    expect(readersOf('Personnel files')).toEqual(['office-manager']);
    expect(readersOf('Contracts')).toEqual(['office-manager']);
    for (const name of ['Labs', 'Insurance cards', 'EOBs & payer letters', 'Vendor invoices'])
      expect(readersOf(name)).toEqual(FILING_READERS);
  });

  it('marks the practice’s agreements and licences as expiring, with their fields', () => {
    const records = make();
    const expiring = records.documentTypes.filter((t) => t.expires).map((t) => t.name);
    expect(expiring.sort()).toEqual(['BAA', 'Contract', 'Insurance policy', 'Licence']);
    const fieldsOf = (typeName: string) => {
      const type = records.documentTypes.find((t) => t.name === typeName);
      return records.customFields
        .filter((f) => f.documentTypeId === type?.id)
        .map((f) => [f.name, f.fieldType]);
    };
    expect(fieldsOf('Insurance card')).toEqual([
      ['Member ID', 'text'],
      ['Plan', 'text'],
    ]);
    expect(fieldsOf('Invoice')).toEqual([
      ['Amount', 'money'],
      ['Due date', 'date'],
    ]);
    expect(fieldsOf('BAA')).toEqual([
      ['Counterparty', 'text'],
      ['Renewal notice (days)', 'number'],
    ]);
  });

  it('suggests types only with matching rules the office manager could have typed', () => {
    const rules = make().documentTypes.flatMap((t) => (t.matching ? [t.matching] : []));
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) expect(validateMatchingRule(rule).ok).toBe(true);
  });
});
