import { filedDocumentSchema } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { describe, expect, it } from 'vitest';
import {
  addVersion,
  fileFromInbox,
  newDocument,
  restoreDocument,
  saveDocumentEdits,
  trashDocument,
  withText,
} from './filed-document-rules.ts';

const ID = (n: number) => `0195a0c4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const desk = { userId: 'u-desk', name: 'Synthetic Desk', deviceId: ID(90) };
const manager = { userId: 'u-om', name: 'Synthetic Manager', deviceId: ID(91) };
const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const pdf = { sha256: 'a'.repeat(64), type: 'application/pdf' as const, size: 2048 };

const scan = (over: { categoryId?: string; sendToInbox?: boolean } = {}) =>
  newDocument(
    {
      id: ID(1),
      versionId: ID(10),
      title: '  Lab results ',
      documentDate: '2026-11-30',
      patientId: ID(50),
      source: 'scan',
      file: pdf,
      pageCount: 3,
      tagIds: [ID(20)],
      ...over,
    },
    { at: at(0), by: desk },
  );

describe('a captured document', () => {
  it('is filed at once when it has a category, and valid as the server checks it', () => {
    const doc = scan({ categoryId: ID(30) });
    expect(doc.filed).toEqual({ at: at(0), by: desk });
    expect(doc.title).toBe('Lab results');
    expect(doc.tags).toEqual({ [ID(20)]: true });
    expect(doc.versions[ID(10)]?.pageCount).toBe(3);
    expect(filedDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('waits in the inbox without a category, or when sent there', () => {
    expect(scan().filed).toBeUndefined();
    expect(scan({ categoryId: ID(30), sendToInbox: true }).filed).toBeUndefined();
    expect(filedDocumentSchema.safeParse(scan()).success).toBe(true);
  });
});

describe('filing from the inbox', () => {
  it('stamps it filed and records where it went', () => {
    const filed = fileFromInbox(
      scan(),
      { title: 'Lab results', patientId: ID(51), categoryId: ID(30), tagIds: [] },
      { at: at(5), by: manager },
      ID(60),
    );
    expect(filed.ok && filed.value.filed).toEqual({ at: at(5), by: manager });
    expect(filed.ok && filed.value.moves?.[ID(60)]).toEqual({
      at: at(5),
      by: manager,
      fromPatientId: ID(50),
      toPatientId: ID(51),
      toCategoryId: ID(30),
    });
    expect(filed.ok && filedDocumentSchema.safeParse(filed.value).success).toBe(true);
  });

  it('refuses to file without a category', () => {
    const filed = fileFromInbox(scan(), { title: 'x' }, { at: at(5), by: manager }, ID(60));
    expect(!filed.ok && filed.error.code).toBe('category-required');
  });
});

describe('editing a filed document', () => {
  it('keeps a tag another tablet added meanwhile, and records a move to another patient', () => {
    const original = scan({ categoryId: ID(30) });
    const latest = { ...original, tags: { ...original.tags, [ID(21)]: true as const } };
    const edited = {
      ...original,
      patientId: ID(52),
      tags: { ...original.tags, [ID(22)]: true as const },
    };
    const saved = saveDocumentEdits(latest, original, edited, { at: at(9), by: manager }, ID(61));
    expect(saved.ok && Object.keys(saved.value.tags ?? {}).sort()).toEqual([
      ID(20),
      ID(21),
      ID(22),
    ]);
    expect(saved.ok && saved.value.moves?.[ID(61)]).toMatchObject({
      fromPatientId: ID(50),
      toPatientId: ID(52),
    });
  });

  it('adds a version beside the first and keeps only the newest version’s text', () => {
    const doc = addVersion(scan(), { id: ID(11), file: { ...pdf, sha256: 'b'.repeat(64) }, pageCount: 1, label: 'Signed copy' }, { at: at(3), by: desk }); // prettier-ignore
    expect(Object.keys(doc.versions)).toEqual([ID(10), ID(11)]);
    const newer = withText(doc, { versionId: ID(11), source: 'pdf', pages: ['new'] }, at(4));
    expect(withText(newer, { versionId: ID(10), source: 'pdf', pages: ['old'] }, at(5)).text?.pages).toEqual(['new']); // prettier-ignore
  });
});

describe('the trash', () => {
  const hold = {
    id: ID(70),
    patientId: ID(50),
    reason: 'Records request from counsel',
    placed: { at: at(1) },
  };

  it('refuses a document under a legal hold on its patient, with the reason', () => {
    const trashed = trashDocument(scan(), [hold], { at: at(2), by: manager });
    expect(!trashed.ok && trashed.error.message).toContain('Records request from counsel');
  });

  it('takes a document once the hold is released, and restores it as it was', () => {
    const released = { ...hold, released: { at: at(2) } };
    const trashed = trashDocument(scan(), [released], { at: at(3), by: manager });
    expect(trashed.ok && trashed.value.trashed).toEqual({ at: at(3), by: manager });
    const restored = trashed.ok ? restoreDocument(trashed.value, at(4)) : null;
    expect(restored?.trashed).toBeUndefined();
  });
});
