import { sniffBlobType } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import {
  EncryptedPDFError,
  PDFDocument,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import { jpegOrientation, type Orientation } from './jpeg-orientation.ts';
import type { EnclosedDocument } from './cover-letter.ts';
import { LETTER } from './page-flow.ts';
import { STAMP_BAND } from './page-stamp.ts';
import type { ReleaseDocument } from './release-request.ts';

/**
 * The documents a release encloses, read and checked before anything is laid out: a file is
 * what its bytes say it is (a PNG sent as a PDF is refused, not copied as garbage), a PDF opens
 * and has pages, and an image can be placed. Each knows how many pages it adds.
 */
export type Enclosure =
  | { document: ReleaseDocument; pageCount: number; kind: 'pdf'; source: PDFDocument }
  | {
      document: ReleaseDocument;
      pageCount: 1;
      kind: 'image';
      image: PDFImage;
      orientation: Orientation;
    };

export type EnclosureError = {
  code: 'document-not-its-type' | 'document-unreadable' | 'document-encrypted';
  message: string;
  /** Which document (its place in the list given) and its title. */
  index: number;
  title: string;
};

export async function readEnclosures(
  target: PDFDocument,
  documents: readonly ReleaseDocument[],
): Promise<Result<Enclosure[], EnclosureError>> {
  const enclosures: Enclosure[] = [];
  for (const [index, document] of documents.entries()) {
    const refuse = (code: EnclosureError['code'], message: string) =>
      fail({ code, message, index, title: document.title });
    const sniffed = sniffBlobType(document.bytes.subarray(0, 16));
    if (sniffed !== document.type)
      return refuse('document-not-its-type', `"${document.title}" is filed as ${document.type}, but its file is ${sniffed ?? 'of no type ClinicDesk reads'}.`); // prettier-ignore
    try {
      if (document.type === 'application/pdf') {
        const source = await PDFDocument.load(document.bytes, { updateMetadata: false });
        const pageCount = source.getPageCount();
        if (pageCount === 0)
          return refuse('document-unreadable', `"${document.title}" has no pages.`);
        enclosures.push({ document, pageCount, kind: 'pdf', source });
      } else {
        const png = document.type === 'image/png';
        const image = png
          ? await target.embedPng(document.bytes)
          : await target.embedJpg(document.bytes);
        const orientation = png ? 1 : jpegOrientation(document.bytes);
        enclosures.push({ document, pageCount: 1, kind: 'image', image, orientation });
      }
    } catch (error) {
      // A password-protected PDF cannot be copied without its password; the sender must send
      // it open, or staff print and scan it.
      if (error instanceof EncryptedPDFError)
        return refuse('document-encrypted', `"${document.title}" is password-protected.`);
      return refuse(
        'document-unreadable',
        `"${document.title}" could not be read (${String(error)}).`,
      );
    }
  }
  return ok(enclosures);
}

/** Each enclosure's title, date and pages in the package (1-based, first and last inclusive). */
export function enclosedDocuments(
  enclosures: readonly Enclosure[],
  coverPages: number,
): EnclosedDocument[] {
  let next = coverPages + 1;
  return enclosures.map(({ document, pageCount }) => {
    const enclosed = {
      title: document.title,
      documentDate: document.documentDate,
      first: next,
      last: next + pageCount - 1,
    };
    next += pageCount;
    return enclosed;
  });
}

const IMAGE_MARGIN = 36;

/**
 * Adds an enclosure's pages at the end of `target`. A PDF's pages are copied as they are
 * (text, annotations, size, rotation); an image goes on a Letter page turned its way, fitted
 * inside the margins, below the band kept for the stamp. `hasStampBand` tells which pages kept
 * it (see page-stamp.ts).
 */
export async function addEnclosurePages(
  target: PDFDocument,
  enclosure: Enclosure,
): Promise<{ page: PDFPage; hasStampBand: boolean }[]> {
  if (enclosure.kind === 'pdf') {
    const copied = await target.copyPages(enclosure.source, enclosure.source.getPageIndices());
    return copied.map((page) => ({ page: target.addPage(page), hasStampBand: false }));
  }
  const { image, orientation } = enclosure;
  // Seen as the camera meant it: a quarter turn swaps width and height (jpeg-orientation.ts).
  const turned = orientation >= 5;
  const seen = turned ? { width: image.height, height: image.width } : { width: image.width, height: image.height }; // prettier-ignore
  const landscape = seen.width > seen.height;
  const [width, height] = landscape ? [LETTER.height, LETTER.width] : [LETTER.width, LETTER.height];
  const page = target.addPage([width, height]);
  const room = { width: width - 2 * IMAGE_MARGIN, height: height - 2 * IMAGE_MARGIN - STAMP_BAND };
  const scale = Math.min(room.width / seen.width, room.height / seen.height);
  const [w, h] = [seen.width * scale, seen.height * scale];
  const [x, y] = [(width - w) / 2, IMAGE_MARGIN + (room.height - h) / 2];
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(...placement(orientation, { x, y, w, h })),
    drawObject(name),
    popGraphicsState(),
  );
  return [{ page, hasStampBand: true }];
}

/**
 * The matrix that puts an image (drawn in the unit square, its first row at the top) into the
 * box x, y, w, h as seen: for each EXIF orientation, where its stored top row and left column go.
 */
function placement(
  orientation: Orientation,
  { x, y, w, h }: { x: number; y: number; w: number; h: number },
) {
  const matrices: Record<Orientation, [number, number, number, number, number, number]> = {
    1: [w, 0, 0, h, x, y],
    2: [-w, 0, 0, h, x + w, y],
    3: [-w, 0, 0, -h, x + w, y + h],
    4: [w, 0, 0, -h, x, y + h],
    5: [0, -h, -w, 0, x + w, y + h],
    6: [0, -h, w, 0, x, y + h],
    7: [0, h, w, 0, x, y],
    8: [0, h, -w, 0, x + w, y],
  };
  return matrices[orientation];
}
