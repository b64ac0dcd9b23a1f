import { BLOB_MAX_BYTES } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { degrees, PDFDocument, type PDFPage } from 'pdf-lib';
import type { CapturePage, Rotation } from './capture-pages.ts';

/**
 * Pages shown 8.5 inches wide (US letter), whatever the camera's resolution: a 1650 px wide
 * shot is then 194 DPI, an office scan's resolution, and prints at its size on letter paper.
 */
export const LETTER_WIDTH_PT = 612;

/** What the PDF says about itself (the viewer's document properties). */
export type PdfMetadata = {
  title: string;
  /** When the capture was made, from the caller's clock: nothing here reads one. */
  createdAt: Date;
  author?: string;
  subject?: string;
};

/**
 * A page to put in the PDF: an image pdf-lib can embed (JPEG or PNG: WebP goes through
 * prepare-image.ts first), or a page of a picked PDF (`pdfPageIndex`, 0-based; without it,
 * every page of that PDF in order). `rotation` turns it clockwise on top of how it came.
 */
export type PdfPart = {
  bytes: Uint8Array;
  type: 'image/jpeg' | 'image/png' | 'application/pdf';
  pdfPageIndex?: number;
  rotation: Rotation;
};

export type PdfError = {
  code: 'no-pages' | 'unreadable-image' | 'unreadable-pdf' | 'locked-pdf' | 'too-large';
  message: string;
};

/**
 * One PDF of `parts`, in their order: each image on a page of its own aspect, shown letter-wide,
 * each page turned as staff turned it (the page's /Rotate, so nothing is re-encoded). The same
 * parts and metadata give the same bytes, and so the same checksum.
 */
export async function partsToPdf(
  parts: readonly PdfPart[],
  metadata: PdfMetadata,
): Promise<Result<Uint8Array, PdfError>> {
  if (parts.length === 0) return fail({ code: 'no-pages', message: 'There are no pages to file' });
  // pdf-lib would stamp its own name and the machine's clock otherwise.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const opened = new Map<Uint8Array, PDFDocument>();
  for (const part of parts) {
    const added =
      part.type === 'application/pdf'
        ? await addPdfPages(pdf, part, opened)
        : await addImagePage(pdf, part);
    if (!added.ok) return added;
  }
  describe(pdf, metadata);
  const bytes = await pdf.save();
  if (bytes.byteLength > BLOB_MAX_BYTES)
    return fail({
      code: 'too-large',
      message: `These pages make a PDF of ${mebibytes(bytes.byteLength)} MB; at most 15 MB can be filed. File them as two documents.`,
    });
  return ok(bytes);
}

/** Camera shots and picked images as one PDF (see `partsToPdf`). */
export function imagesToPdf(
  images: readonly (PdfPart & { type: 'image/jpeg' | 'image/png' })[],
  metadata: PdfMetadata,
): Promise<Result<Uint8Array, PdfError>> {
  return partsToPdf(images, metadata);
}

/** Every page of each PDF, one after the other, as one PDF. */
export function mergePdfs(
  pdfs: readonly Uint8Array[],
  metadata: PdfMetadata,
): Promise<Result<Uint8Array, PdfError>> {
  return partsToPdf(
    pdfs.map((bytes) => ({ bytes, type: 'application/pdf', rotation: 0 })),
    metadata,
  );
}

/** The PDF's pages followed by `parts` (a page scanned later, a picked image), as a new PDF. */
export function appendToPdf(
  pdf: Uint8Array,
  parts: readonly PdfPart[],
  metadata: PdfMetadata,
): Promise<Result<Uint8Array, PdfError>> {
  return partsToPdf([{ bytes: pdf, type: 'application/pdf', rotation: 0 }, ...parts], metadata);
}

/** A capture's pages as parts, each picked PDF read once for all of its pages. */
export async function pagesToParts(pages: readonly CapturePage[]): Promise<PdfPart[]> {
  const bytesOf = new Map<Blob, Uint8Array>();
  const parts: PdfPart[] = [];
  for (const page of pages) {
    let bytes = bytesOf.get(page.source);
    if (!bytes) {
      bytes = new Uint8Array(await page.source.arrayBuffer());
      bytesOf.set(page.source, bytes);
    }
    parts.push({
      bytes,
      type: page.type,
      rotation: page.rotation,
      ...(page.pdfPageIndex === undefined ? {} : { pdfPageIndex: page.pdfPageIndex }),
    });
  }
  return parts;
}

async function addImagePage(pdf: PDFDocument, part: PdfPart): Promise<Result<PDFPage, PdfError>> {
  let image;
  try {
    image =
      part.type === 'image/png' ? await pdf.embedPng(part.bytes) : await pdf.embedJpg(part.bytes);
  } catch {
    return fail({
      code: 'unreadable-image',
      message: 'One of the pages is not an image this device can read',
    });
  }
  const sideways = part.rotation === 90 || part.rotation === 270;
  const scale = LETTER_WIDTH_PT / (sideways ? image.height : image.width);
  const width = image.width * scale;
  const height = image.height * scale;
  const page = pdf.addPage([width, height]);
  page.drawImage(image, { x: 0, y: 0, width, height });
  page.setRotation(degrees(part.rotation));
  return ok(page);
}

async function addPdfPages(
  pdf: PDFDocument,
  part: PdfPart,
  opened: Map<Uint8Array, PDFDocument>,
): Promise<Result<PDFPage[], PdfError>> {
  try {
    let source = opened.get(part.bytes);
    if (!source) {
      source = await PDFDocument.load(part.bytes, { updateMetadata: false });
      opened.set(part.bytes, source);
    }
    const count = source.getPageCount();
    const indices = part.pdfPageIndex === undefined ? source.getPageIndices() : [part.pdfPageIndex];
    if (indices.some((index) => !Number.isInteger(index) || index < 0 || index >= count))
      return fail({ code: 'unreadable-pdf', message: 'This PDF has no such page' });
    const pages = await pdf.copyPages(source, indices);
    for (const page of pages) {
      page.setRotation(degrees((page.getRotation().angle + part.rotation) % 360));
      pdf.addPage(page);
    }
    return ok(pages);
  } catch (error) {
    // pdf-lib reads lazily: a damaged file may fail on load, on counting its pages or on copying.
    const locked = error instanceof Error && error.name === 'EncryptedPDFError';
    return fail(
      locked
        ? {
            code: 'locked-pdf',
            message: 'This PDF is password-protected; open it and save an unlocked copy',
          }
        : { code: 'unreadable-pdf', message: 'This PDF is damaged or not a PDF' },
    );
  }
}

function describe(pdf: PDFDocument, metadata: PdfMetadata): void {
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  pdf.setProducer('ClinicDesk');
  pdf.setCreator('ClinicDesk');
  pdf.setCreationDate(metadata.createdAt);
  pdf.setModificationDate(metadata.createdAt);
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.subject) pdf.setSubject(metadata.subject);
}

function mebibytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
