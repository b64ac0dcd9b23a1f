import { BLOB_MAX_BYTES } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { notoSans } from './fixtures/noto-sans.ts';
import { readPdf, type ReadPage } from './fixtures/read-pdf.ts';
import {
  SYNTHETIC_JPEG,
  oversizedPdf,
  syntheticPdf,
  syntheticPng,
  withExifOrientation,
} from './fixtures/synthetic-documents.ts';
import { STAMP_BAND } from './page-stamp.ts';
import {
  buildReleasePackage,
  type ReleasePackage,
  type ReleasePackageInput,
} from './release-package.ts';
import type { ReleaseDocument } from './release-request.ts';

const fonts = notoSans();
const createdAt = new Date('2026-12-02T15:30:00Z');
const practice = {
  name: 'Maple Street Family Practice',
  address: '120 Maple Street\nSpringfield, IL 62704',
  phone: '(217) 555-0142',
};
const request: ReleasePackageInput['request'] = {
  id: 'ROI-2026-0042',
  requester: {
    name: 'Dana Whitfield',
    organisation: 'Whitfield & Ortiz LLP',
    address: '400 Court Plaza, Suite 12\nSpringfield, IL 62701',
  },
  patient: { name: 'Zoë Ñúñez-Łukasik', birthDate: '1987-04-12', chartNumber: '100234-7' },
  purpose: 'Legal proceedings',
  basis: { kind: 'legal', label: 'subpoena with court order, Sangamon County case 2026-L-0117' },
  requestedOn: '2026-11-20',
  releasedOn: '2026-12-02',
  preparedBy: 'Jordan Reyes, office manager',
};

let documents: ReleaseDocument[];
beforeAll(async () => {
  const pdf = (title: string, count: number) => syntheticPdf(Array.from({ length: count }, (_, i) => ({ text: `${title} page ${i + 1}` }))); // prettier-ignore
  documents = [
    { title: 'Referral letter', documentDate: '2026-10-02', type: 'application/pdf', bytes: await pdf('Referral letter', 2) },
    { title: 'Signed consent form', documentDate: '2026-11-03', type: 'image/png', bytes: syntheticPng(170, 220) },
    { title: 'Photo ID', documentDate: '2026-11-03', type: 'image/jpeg', bytes: SYNTHETIC_JPEG },
    { title: 'Outside lab results', documentDate: '2026-09-14', type: 'application/pdf', bytes: await pdf('Outside lab results', 3) },
  ]; // prettier-ignore
});

async function released(input: Partial<ReleasePackageInput> = {}): Promise<ReleasePackage> {
  const result = await buildReleasePackage({
    practice,
    request,
    documents,
    createdAt,
    fonts,
    ...input,
  });
  if (!result.ok)
    throw new Error(`expected a package, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('buildReleasePackage', () => {
  let pkg: ReleasePackage;
  let pages: ReadPage[];
  beforeAll(async () => {
    pkg = await released();
    pages = (await readPdf(pkg.bytes)).pages;
  });

  it('puts the cover letter first, then every page of every document in the order given', async () => {
    expect((await PDFDocument.load(pkg.bytes)).getPageCount()).toBe(1 + 2 + 1 + 1 + 3);
    expect(pkg.pageCount).toBe(8);
    expect(pages[0]?.text).toContain('Maple Street Family Practice');
    expect(pages[1]?.text).toContain('Referral letter page 1');
    expect(pages[2]?.text).toContain('Referral letter page 2');
    expect(pages[7]?.text).toContain('Outside lab results page 3');
    // The images each fill a page of their own, turned their way (the photo is wider than tall).
    expect([pages[3]?.width, pages[3]?.height]).toEqual([612, 792]);
    expect([pages[4]?.width, pages[4]?.height]).toEqual([792, 612]);
  });

  it('stamps every page, the cover included, with the patient, chart, request and "Page n of m"', () => {
    expect(pages).toHaveLength(8);
    pages.forEach((page, index) => {
      expect(page.text).toContain('Zoë Ñúñez-Łukasik · Chart 100234-7 · Request ROI-2026-0042');
      expect(page.text).toContain(`Page ${index + 1} of 8`);
    });
  });

  it('lists each enclosed document on the cover with the pages it fills', () => {
    const cover = pages[0]?.text ?? '';
    expect(cover).toContain('1 Referral letter 10/02/2026 2–3');
    expect(cover).toContain('2 Signed consent form 11/03/2026 4');
    expect(cover).toContain('3 Photo ID 11/03/2026 5');
    expect(cover).toContain('4 Outside lab results 09/14/2026 6–8');
    expect(cover).toContain('8 pages in all');
    expect(pkg.enclosed.map(({ first, last }) => [first, last])).toEqual([[2, 3], [4, 4], [5, 5], [6, 8]]); // prettier-ignore
  });

  it('addresses the requester about the patient, with the purpose, the basis and a redisclosure warning', () => {
    const cover = pages[0]?.text ?? '';
    expect(cover).toContain('December 2, 2026');
    expect(cover).toContain(
      'Dana Whitfield Whitfield & Ortiz LLP 400 Court Plaza, Suite 12 Springfield, IL 62701',
    );
    expect(cover).toContain('Re: Zoë Ñúñez-Łukasik, born 04/12/1987, chart 100234-7');
    expect(cover).toContain('Your request of 11/20/2026, our reference ROI-2026-0042');
    expect(cover).toContain('Purpose of the disclosure: Legal proceedings.');
    expect(cover).toContain(
      'Released under: subpoena with court order, Sangamon County case 2026-L-0117.',
    );
    expect(cover).toContain('Use or disclose them further only as');
    expect(cover).toContain('Prepared by Jordan Reyes, office manager');
    expect(cover).not.toContain('42 CFR Part 2');
  });

  it('adds the stamp above a copied page without moving or covering what was on it', () => {
    const copied = pages[1];
    expect(copied?.height).toBe(792 + STAMP_BAND);
    const original = copied?.items.find((item) => item.text === 'Referral letter page 1');
    expect(original).toMatchObject({ x: 40, y: 752 });
    const stamp = copied?.items.find((item) => item.text.startsWith('Zoë'));
    expect(stamp?.y).toBeGreaterThan(792);
  });

  it('turns a phone photo the way the camera meant it (EXIF orientation), on a page turned its way', async () => {
    const photo = { title: 'Photo ID', documentDate: '2026-11-03', type: 'image/jpeg' as const };
    const sideways = withExifOrientation(SYNTHETIC_JPEG, 6); // stored 16×12, seen 12×16
    const turned = await released({ documents: [{ ...photo, bytes: sideways }] });
    const asStored = await released({ documents: [{ ...photo, bytes: SYNTHETIC_JPEG }] });
    const size = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPage(1).getSize();
    expect(await size(turned.bytes)).toEqual({ width: 612, height: 792 });
    expect(await size(asStored.bytes)).toEqual({ width: 792, height: 612 });
  });

  it('names the package, says ClinicDesk produced it and dates it as told', async () => {
    const doc = await PDFDocument.load(pkg.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Release of information ROI-2026-0042: Zoë Ñúñez-Łukasik');
    expect(doc.getProducer()).toBe('ClinicDesk');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-02T15:30:00.000Z');
    expect(doc.getAuthor()).toBe('Maple Street Family Practice');
  });

  it('makes the same bytes from the same request (no clock, no chance inside)', async () => {
    expect((await released()).bytes).toEqual(pkg.bytes);
  });

  it('carries the 42 CFR Part 2 redisclosure notice only when the caller says the records are Part 2 records', async () => {
    const part2 = await released({ request: { ...request, substanceUseRecords: true } });
    const cover = (await readPdf(part2.bytes)).pages[0]?.text ?? '';
    expect(cover).toContain('redisclosure prohibited (42 CFR Part 2)');
    expect(cover).toContain('does not permit their redisclosure');
  });

  it('names the authorization with the day it was signed and the day it expires', async () => {
    const basis = {
      kind: 'authorization',
      signedOn: '2026-11-01',
      expiresOn: '2027-05-01',
    } as const;
    const authorized = await released({ request: { ...request, basis } });
    expect((await readPdf(authorized.bytes)).pages[0]?.text).toContain(
      'Released under: the patient’s written authorization signed 11/01/2026, valid until 05/01/2027.',
    );
  });

  it('counts a cover letter that runs to a second page in the page ranges it lists', async () => {
    const one = await syntheticPdf([{ text: 'Progress note body' }]);
    const many = Array.from({ length: 45 }, (_, i) => ({ title: `Visit note ${i + 1}`, documentDate: '2026-01-05', type: 'application/pdf' as const, bytes: one })); // prettier-ignore
    const long = await released({ documents: many });
    expect(long.coverPages).toBe(2);
    expect(long.pageCount).toBe(47);
    expect(long.enclosed[0]).toMatchObject({ first: 3, last: 3 });
    const read = await readPdf(long.bytes);
    expect(read.pages[2]?.text).toContain('Progress note body');
    expect(read.pages[1]?.text).toContain('Page 2 of 47');
    expect(`${read.pages[0]?.text} ${read.pages[1]?.text}`).toContain(
      '45 Visit note 45 01/05/2026 47',
    );
  });

  it('prints in Helvetica without the font, Ł as L, and says which characters it replaced', async () => {
    const plain = await released({ fonts: undefined });
    expect(plain.unprintable).toEqual(['Ł']);
    expect((await readPdf(plain.bytes)).pages[3]?.text).toContain(
      'Zoë Ñúñez-Lukasik · Chart 100234-7',
    );
    expect((await released()).unprintable).toEqual([]);
  });
});

describe('buildReleasePackage refuses', () => {
  const refusal = async (input: Partial<ReleasePackageInput>) => {
    const result = await buildReleasePackage({ practice, request, documents, createdAt, ...input });
    return result.ok ? null : result.error;
  };

  it('a release with no documents', async () => {
    expect(await refusal({ documents: [] })).toMatchObject({ code: 'no-documents' });
  });

  it('a document whose file is not what its type says', async () => {
    const mislabelled = { ...documents[1]!, type: 'application/pdf' as const };
    expect(await refusal({ documents: [documents[0]!, mislabelled] })).toMatchObject({
      code: 'document-not-its-type',
      index: 1,
      title: 'Signed consent form',
    });
    const notAnImage = { ...documents[0]!, type: 'image/jpeg' as const };
    expect(await refusal({ documents: [notAnImage] })).toMatchObject({
      code: 'document-not-its-type',
      index: 0,
    });
  });

  it('a PDF that does not open', async () => {
    const broken = {
      ...documents[0]!,
      bytes: new TextEncoder().encode('%PDF-1.7\nnot really a PDF'),
    };
    expect(await refusal({ documents: [broken] })).toMatchObject({
      code: 'document-unreadable',
      index: 0,
    });
  });

  it('a release under an authorization that expired before the release day', async () => {
    const basis = {
      kind: 'authorization',
      signedOn: '2026-01-01',
      expiresOn: '2026-12-01',
    } as const;
    expect(await refusal({ request: { ...request, basis } })).toMatchObject({
      code: 'authorization-expired',
    });
  });

  it('a package larger than a stored file may be (15 MiB)', async () => {
    const big = { ...documents[0]!, bytes: await oversizedPdf(BLOB_MAX_BYTES) };
    expect(await refusal({ documents: [big] })).toMatchObject({
      code: 'package-too-large',
      limit: BLOB_MAX_BYTES,
    });
  });
});
