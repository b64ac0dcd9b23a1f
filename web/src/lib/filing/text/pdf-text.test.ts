import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.ts';
import { runPdfjsInThisThread } from './pdfjs-in-this-thread.ts';

beforeAll(runPdfjsInThisThread);

/** Page 1 a scan (an image, no text), page 2 typed text on two lines, page 3 a stray dot. */
async function mixedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const scan = await doc.embedPng(
    readFileSync(new URL('fixtures/scanned-page.png', import.meta.url)),
  );
  doc.addPage([612, 792]).drawImage(scan, { x: 0, y: 0, width: 612, height: 792 });
  const typed = doc.addPage([612, 792]);
  typed.drawText('Synthetic discharge summary', { x: 72, y: 700, size: 16, font });
  typed.drawText('Lantern   meadow orchard 4711', { x: 72, y: 670, size: 12, font });
  doc.addPage([612, 792]).drawText('.', { x: 300, y: 400, size: 12, font });
  return doc.save();
}

describe('text already inside a PDF', () => {
  it('gives each page its text, and says which pages need recognition', async () => {
    const pages = await pdfText(await mixedPdf());
    if (!pages.ok) throw new Error(pages.error.message);
    expect(pages.value).toEqual([
      { pageNumber: 1, text: '', needsRecognition: true },
      {
        pageNumber: 2,
        text: 'Synthetic discharge summary\nLantern meadow orchard 4711',
        needsRecognition: false,
      },
      { pageNumber: 3, text: '.', needsRecognition: true },
    ]);
  });

  it('names a file that is not a PDF', async () => {
    const result = await pdfText(new TextEncoder().encode('%PDF-1.7 torn off here'));
    expect(result).toMatchObject({ ok: false, error: { code: 'unreadable-pdf' } });
  });
});
