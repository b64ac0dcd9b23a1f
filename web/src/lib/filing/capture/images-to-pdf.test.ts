import { readFileSync } from 'node:fs';
import { BLOB_MAX_BYTES } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPdf } from '../text/pdfjs.ts';
import { runPdfjsInThisThread } from '../text/pdfjs-in-this-thread.ts';
import { sha256Hex } from './checksum.ts';
import {
  appendToPdf,
  imagesToPdf,
  LETTER_WIDTH_PT,
  mergePdfs,
  partsToPdf,
  type PdfMetadata,
} from './images-to-pdf.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../text/fixtures/${name}`, import.meta.url)));
/** A phone's shot of a page, downscaled as the app does: 1650×2200 px, JPEG. */
const shot = fixture('camera-shot.jpg');
/** A flatbed scan of a page: 1275×1650 px, PNG. */
const scan = fixture('scanned-page.png');
const META: PdfMetadata = {
  title: 'Referral letter — synthetic',
  createdAt: new Date('2026-03-02T09:30:00Z'),
};

beforeAll(runPdfjsInThisThread);

async function madePdf(...args: Parameters<typeof partsToPdf>): Promise<Uint8Array> {
  const made = await partsToPdf(...args);
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

describe('three camera shots become one PDF', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    const made = await imagesToPdf(
      [
        { bytes: shot, type: 'image/jpeg', rotation: 0 },
        { bytes: shot, type: 'image/jpeg', rotation: 90 },
        { bytes: scan, type: 'image/png', rotation: 180 },
      ],
      META,
    );
    if (!made.ok) throw new Error(made.error.message);
    pdf = made.value;
  });

  it('has three pages, letter-wide, of each image’s aspect, turned as staff turned them', async () => {
    const reopened = await PDFDocument.load(pdf);
    const pages = reopened.getPages();
    expect(pages).toHaveLength(3);
    expect(pages.map((page) => page.getRotation().angle)).toEqual([0, 90, 180]);
    // Upright: 8.5 in wide, 11.33 in high (the shot's 3:4).
    expect(pages[0]!.getSize()).toEqual({ width: LETTER_WIDTH_PT, height: 816 });
    // Turned a quarter, the shot is landscape (4:3), still shown 8.5 in wide: stored 459 × 612.
    expect(pages[1]!.getSize()).toEqual({ width: 459, height: LETTER_WIDTH_PT });
    expect(pages[2]!.getSize().width).toBe(LETTER_WIDTH_PT);
  });

  it('says what it is: title, ClinicDesk as producer, the capture’s time', async () => {
    const reopened = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(reopened.getTitle()).toBe(META.title);
    expect(reopened.getProducer()).toBe('ClinicDesk');
    expect(reopened.getCreator()).toBe('ClinicDesk');
    expect(reopened.getCreationDate()?.toISOString()).toBe('2026-03-02T09:30:00.000Z');
  });

  it('opens in PDF.js, which shows every page letter-wide, turned as staff turned it', async () => {
    const { document, close } = await openPdf(pdf);
    expect(document.numPages).toBe(3);
    const shown = [];
    for (let n = 1; n <= 3; n++) {
      const viewport = (await document.getPage(n)).getViewport({ scale: 1 });
      shown.push([Math.round(viewport.width), Math.round(viewport.height)]);
    }
    expect(shown).toEqual([
      [612, 816],
      [612, 459],
      [612, 792],
    ]);
    const { info } = await document.getMetadata();
    expect(info).toMatchObject({ Title: META.title, Producer: 'ClinicDesk' });
    await close();
  });

  it('stays well under the 15 MiB a blob may be: 1.1 MiB for three 1650×2200 shots', () => {
    // Two 551 KiB shots and a 104 KiB scan, embedded as they are (JPEG is not re-encoded).
    expect(pdf.byteLength).toBeLessThan(1.3 * 1024 * 1024);
    expect(pdf.byteLength).toBeLessThan(BLOB_MAX_BYTES / 10);
  });

  it('is the same bytes, and so the same checksum, when made again from the same pages', async () => {
    const again = await madePdf(
      [
        { bytes: shot, type: 'image/jpeg', rotation: 0 },
        { bytes: shot, type: 'image/jpeg', rotation: 90 },
        { bytes: scan, type: 'image/png', rotation: 180 },
      ],
      META,
    );
    expect(await sha256Hex(new Uint8Array(again))).toBe(await sha256Hex(new Uint8Array(pdf)));
  });
});

describe('picked PDFs with images in one capture', () => {
  async function letterPdf(lines: string[], rotation = 0): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (const line of lines) {
      const page = doc.addPage([612, 792]);
      page.drawText(line, { x: 72, y: 700, size: 14, font });
      if (rotation) page.setRotation({ type: 'degrees', angle: rotation } as never);
    }
    return doc.save();
  }

  it('merges PDFs page after page', async () => {
    const merged = await mergePdfs(
      [await letterPdf(['one', 'two']), await letterPdf(['three'])],
      META,
    );
    expect(merged.ok && (await PDFDocument.load(merged.value)).getPageCount()).toBe(3);
  });

  it('appends a camera shot to a picked PDF, keeping the PDF’s own rotation under staff’s turn', async () => {
    const picked = await letterPdf(['lab result'], 90);
    const appended = await appendToPdf(
      picked,
      [{ bytes: shot, type: 'image/jpeg', rotation: 0 }],
      META,
    );
    if (!appended.ok) throw new Error(appended.error.message);
    const pages = (await PDFDocument.load(appended.value)).getPages();
    expect(pages.map((page) => page.getRotation().angle)).toEqual([90, 0]);

    const turned = await madePdf(
      [{ bytes: picked, type: 'application/pdf', pdfPageIndex: 0, rotation: 270 }],
      META,
    );
    expect((await PDFDocument.load(turned)).getPage(0).getRotation().angle).toBe(0);
  });

  it('takes single pages of a picked PDF in the order given', async () => {
    const picked = await letterPdf(['first', 'second', 'third']);
    const pdf = await madePdf(
      [
        { bytes: picked, type: 'application/pdf', pdfPageIndex: 2, rotation: 0 },
        { bytes: picked, type: 'application/pdf', pdfPageIndex: 0, rotation: 0 },
      ],
      META,
    );
    const { document, close } = await openPdf(pdf);
    const words = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      words.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    expect(words).toEqual(['third', 'first']);
    await close();
  });
});

describe('what cannot become a PDF', () => {
  it('refuses an empty capture', async () => {
    expect(await partsToPdf([], META)).toMatchObject({ ok: false, error: { code: 'no-pages' } });
  });

  it('names a page that is not the image it claims to be', async () => {
    const made = await partsToPdf([{ bytes: scan, type: 'image/jpeg', rotation: 0 }], META);
    expect(made).toMatchObject({ ok: false, error: { code: 'unreadable-image' } });
  });

  it('names a damaged PDF and a page it does not have', async () => {
    const damaged = new TextEncoder().encode('%PDF-1.7 nothing else');
    expect(
      await partsToPdf([{ bytes: damaged, type: 'application/pdf', rotation: 0 }], META),
    ).toMatchObject({ ok: false, error: { code: 'unreadable-pdf' } });
    const picked = await (await PDFDocument.create()).save();
    expect(
      await partsToPdf(
        [{ bytes: picked, type: 'application/pdf', pdfPageIndex: 3, rotation: 0 }],
        META,
      ),
    ).toMatchObject({ ok: false, error: { code: 'unreadable-pdf' } });
  });
});
