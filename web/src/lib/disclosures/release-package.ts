import { BLOB_MAX_BYTES } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { PDFDocument } from 'pdf-lib';
import { COVER_FRAME, layoutCoverLetter, type EnclosedDocument } from './cover-letter.ts';
import {
  addEnclosurePages,
  enclosedDocuments,
  readEnclosures,
  type EnclosureError,
} from './enclosures.ts';
import { drawPages } from './page-flow.ts';
import { stampAboveContent, stampInTopMargin } from './page-stamp.ts';
import { embedPageFonts, unprintable, type UnicodeFontBytes } from './pdf-layout.ts';
import type { Practice, ReleaseDocument, ReleaseRequest } from './release-request.ts';

/**
 * One PDF for a release of information (issue 12, point 8): a cover letter, then every
 * enclosed document's pages in the order given, each page — the letter's too — stamped with
 * the patient, the chart number, the request and "Page n of m". Made on the device, offline:
 * nothing here reads a clock, draws a random number or touches the network; the same input
 * gives the same bytes.
 */

export type ReleasePackageInput = {
  practice: Practice;
  request: ReleaseRequest;
  documents: readonly ReleaseDocument[];
  /** When the package is made: its PDF creation date (the letter is dated `releasedOn`). */
  createdAt: Date;
  /** Noto Sans (`loadUnicodeFonts`), so that every name prints as written; Helvetica without. */
  fonts?: UnicodeFontBytes;
};

export type ReleasePackage = {
  bytes: Uint8Array;
  pageCount: number;
  coverPages: number;
  /** Each document and the pages it fills in the package. */
  enclosed: EnclosedDocument[];
  /** Characters the fonts could not draw, printed as a stand-in (see pdf-layout.ts). */
  unprintable: string[];
};

export type ReleasePackageError =
  | EnclosureError
  | { code: 'no-documents'; message: string }
  | { code: 'authorization-expired'; message: string }
  | { code: 'package-too-large'; message: string; bytes: number; limit: number };

export async function buildReleasePackage(
  input: ReleasePackageInput,
): Promise<Result<ReleasePackage, ReleasePackageError>> {
  const { practice, request, documents } = input;
  if (documents.length === 0)
    return fail({ code: 'no-documents', message: 'A release needs at least one document.' });
  const { basis } = request;
  // ISO days compare as text. An authorization is good through its expiry day.
  if (basis.kind === 'authorization' && basis.expiresOn && basis.expiresOn < request.releasedOn)
    return fail({ code: 'authorization-expired', message: `The authorization expired on ${basis.expiresOn}, before this release.` }); // prettier-ignore

  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedPageFonts(doc, input.fonts);
  const read = await readEnclosures(doc, documents);
  if (!read.ok) return read;
  const enclosures = read.value;
  const documentPages = enclosures.reduce((sum, { pageCount }) => sum + pageCount, 0);

  // The letter lists page numbers that depend on how many pages the letter takes: lay it out
  // until the count it assumed is the count it took (a longer list of documents only adds pages).
  let coverPages = 1;
  const layout = (pages: number) => {
    const enclosed = enclosedDocuments(enclosures, pages);
    const totalPages = pages + documentPages;
    return {
      enclosed,
      laidOut: layoutCoverLetter({ practice, request, enclosed, totalPages }, fonts),
    };
  };
  let cover = layout(coverPages);
  while (cover.laidOut.length !== coverPages) cover = layout((coverPages = cover.laidOut.length));

  const pages = drawPages(doc, cover.laidOut, COVER_FRAME).map((page) => ({
    page,
    hasStampBand: true,
  }));
  for (const enclosure of enclosures) pages.push(...(await addEnclosurePages(doc, enclosure)));

  const { patient } = request;
  const left = `${patient.name} · Chart ${patient.chartNumber} · Request ${request.id}`;
  pages.forEach(({ page, hasStampBand }, index) => {
    const stamp = { left, right: `Page ${index + 1} of ${pages.length}` };
    if (hasStampBand) stampInTopMargin(page, stamp, { font: fonts.regular });
    else stampAboveContent(page, stamp, { font: fonts.regular });
  });

  doc.setTitle(`Release of information ${request.id}: ${patient.name}`, {
    showInWindowTitleBar: true,
  });
  doc.setSubject(
    `Records of ${patient.name} (chart ${patient.chartNumber}) released to ${request.requester.name}`,
  );
  doc.setAuthor(practice.name);
  doc.setCreator('ClinicDesk');
  doc.setProducer('ClinicDesk');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);
  doc.setLanguage('en-US');
  const bytes = await doc.save();
  if (bytes.length > BLOB_MAX_BYTES)
    return fail({
      code: 'package-too-large',
      message: `The package is ${mebibytes(bytes.length)}; a stored file may be ${mebibytes(BLOB_MAX_BYTES)} at most. Release the documents in two packages.`,
      bytes: bytes.length,
      limit: BLOB_MAX_BYTES,
    });

  const written = [left, practice.name, practice.address, request.requester.name, request.requester.organisation ?? '', request.requester.address, request.preparedBy, ...documents.map((d) => d.title)]; // prettier-ignore
  return ok({
    bytes,
    pageCount: pages.length,
    coverPages,
    enclosed: cover.enclosed,
    unprintable: [...new Set(written.flatMap((text) => unprintable(text, fonts.regular)))],
  });
}

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
