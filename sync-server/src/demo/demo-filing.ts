import { createHash } from 'node:crypto';
import { base, en, en_US, Faker } from '@faker-js/faker';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { starterFilingRecords } from '@clinicdesk/shared/filing/starter-tree.ts';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { validateWireDocument } from '@clinicdesk/shared/sync/collections.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import {
  DEMO_CORRESPONDENTS,
  DEMO_PAPERS,
  DEMO_PRACTICE_PAPERS,
  type DemoPatientFacts,
} from './demo-documents-text.ts';

export const DEMO_FILING_SEED = 1207;
const DAY_MS = 24 * 60 * 60_000;

/** A file the demo's documents refer to, to store before them. */
export type DemoFile = { sha256: string; type: 'application/pdf'; bytes: Uint8Array };

/**
 * The demo clinic's files (issue 12.12): the starter tree, correspondents, and `count`
 * documents of its synthetic patients — generated PDFs whose text is known (so search finds
 * them at once), across categories including restricted ones, some the practice's own papers
 * with expiry dates, a few waiting unfiled in the inbox. The same seed gives the same papers.
 */
export async function generateDemoFiling(input: {
  patients: readonly DemoPatientFacts[];
  count: number;
  now: Date;
  /** Who "filed" them: the demo office manager; the inbox's scans are the front desk's. */
  manager: Editor;
  desk: Editor;
}): Promise<{ records: WireDocument[]; files: DemoFile[] }> {
  const faker = new Faker({ locale: [en_US, en, base], seed: DEMO_FILING_SEED });
  const at = input.now.toISOString();
  let n = 0;
  // Time-ordered ids from the seed's own randomness: the same on every run, valid UUIDv7.
  const start = input.now.getTime() - 10 * 365 * DAY_MS;
  const newId = () =>
    uuidv7(
      start + n++ * 1000,
      Uint8Array.from({ length: 10 }, () => faker.number.int(255)),
    );
  const setup = starterFilingRecords({ newId, now: at, editor: input.manager });
  const byName = <T extends { id: string; name: string }>(list: readonly T[], name: string) =>
    list.find((item) => item.name === name)?.id;
  const correspondents = DEMO_CORRESPONDENTS.map((c) => ({
    id: newId(),
    kind: 'correspondent',
    name: c.name,
    correspondentType: c.correspondentType,
    createdAt: at,
    updatedAt: at,
    editedBy: input.manager, // prettier-ignore
  }));
  const stamp = (by: Editor) => ({ at, by });
  const files: DemoFile[] = [];
  const documents: Record<string, unknown>[] = [];

  async function add(fields: {
    title: string;
    pages: string[][];
    documentDate: string;
    type: string;
    category: string;
    correspondent?: string | undefined;
    tags?: readonly string[] | undefined;
    patientId?: string | undefined;
    expiresOn?: string | undefined;
    unfiled?: boolean;
  }) {
    const bytes = await pdfOf(fields.title, fields.pages, input.now);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!files.some((file) => file.sha256 === sha256)) files.push({ sha256, type: 'application/pdf', bytes }); // prettier-ignore
    const versionId = newId();
    const tagIds = (fields.tags ?? []).flatMap((name) => byName(setup.tags, name) ?? []);
    const filer = fields.unfiled ? input.desk : input.manager;
    documents.push({
      id: newId(),
      kind: 'filedDocument',
      title: fields.title,
      documentDate: fields.documentDate,
      ...(fields.patientId ? { patientId: fields.patientId } : {}),
      ...(fields.unfiled ? {} : { categoryId: byName(setup.categories, fields.category), filed: stamp(filer) }), // prettier-ignore
      documentTypeId: byName(setup.documentTypes, fields.type),
      ...(fields.correspondent ? { correspondentId: byName(correspondents, fields.correspondent) } : {}), // prettier-ignore
      ...(tagIds.length > 0 ? { tags: Object.fromEntries(tagIds.map((id) => [id, true])) } : {}),
      source: fields.unfiled ? 'scan' : 'upload',
      versions: { [versionId]: { file: { sha256, type: 'application/pdf', size: bytes.length }, pageCount: fields.pages.length, added: stamp(filer) } }, // prettier-ignore
      text: { versionId, source: 'pdf', pages: fields.pages.map((lines) => lines.join('\n')) },
      captured: stamp(filer),
      ...(fields.expiresOn ? { expiresOn: fields.expiresOn } : {}),
      createdAt: at,
      updatedAt: at,
      editedBy: filer,
    });
  }

  for (const paper of DEMO_PRACTICE_PAPERS) {
    const expiresOn = new Date(input.now.getTime() + paper.expiresInDays * DAY_MS).toISOString().slice(0, 10); // prettier-ignore
    const documentDate = new Date(input.now.getTime() - 300 * DAY_MS).toISOString().slice(0, 10);
    await add({ ...paper, documentDate, expiresOn, pages: [[paper.title, `In force until ${expiresOn}.`, 'Signed copy on file.']] }); // prettier-ignore
  }
  for (let i = 0; i < input.count && input.patients.length > 0; i++) {
    const patient = faker.helpers.arrayElement(input.patients);
    const paper = faker.helpers.arrayElement(DEMO_PAPERS);
    const documentDate = faker.date.between({ from: input.now.getTime() - 8 * 365 * DAY_MS, to: input.now }).toISOString().slice(0, 10); // prettier-ignore
    await add({
      title: paper.title(patient),
      pages: paper.pages(faker, patient, documentDate),
      documentDate,
      type: paper.type,
      category: paper.category,
      correspondent: paper.correspondent,
      tags: paper.tags,
      patientId: patient.id,
      // The last few wait in the inbox: scanned at the desk, to be filed by the office manager.
      unfiled: i >= input.count - Math.min(5, Math.floor(input.count / 10)),
    });
  }
  const records = [
    ...setup.categories,
    ...setup.documentTypes,
    ...setup.customFields,
    ...setup.tags,
    ...correspondents,
    ...documents,
  ].map((doc) => ({ ...doc, _deleted: false }) as WireDocument);
  for (const record of records) {
    const valid = validateWireDocument('filing', record);
    if (!valid.ok) throw new Error(`A demo filing record is not valid: ${JSON.stringify(valid.error)}`); // prettier-ignore
  }
  return { records, files };
}

/** A plain, letter-size PDF of the pages' lines, dated as made on `now`. */
async function pdfOf(title: string, pages: string[][], now: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setProducer('ClinicDesk demo clinic');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 720 - i * 18, size: 11, font }));
  }
  return pdf.save({ useObjectStreams: false });
}
