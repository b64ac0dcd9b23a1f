import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdf, type ReadPage } from './fixtures/read-pdf.ts';
import { syntheticPdf, type SyntheticPage } from './fixtures/synthetic-documents.ts';
import { STAMP_BAND, stampAboveContent } from './page-stamp.ts';

const stamp = {
  left: 'Ana Quiroga · Chart 100311-2 · Request ROI-2026-0050',
  right: 'Page 2 of 5',
};

/** A one-page outside PDF, copied into a new document and stamped, read back as a viewer reads it. */
async function stamped(
  page: SyntheticPage,
): Promise<{ read: ReadPage; boxes: { media: number[]; crop: number[] } }> {
  const source = await PDFDocument.load(await syntheticPdf([page]));
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const [copied] = await doc.copyPages(source, [0]);
  if (!copied) throw new Error('no page copied');
  doc.addPage(copied);
  stampAboveContent(copied, stamp, { font });
  const box = (r: { x: number; y: number; width: number; height: number }) => [
    r.x,
    r.y,
    r.width,
    r.height,
  ];
  const boxes = { media: box(copied.getMediaBox()), crop: box(copied.getCropBox()) };
  const [read] = (await readPdf(await doc.save())).pages;
  if (!read) throw new Error('no page read');
  return { read, boxes };
}

const item = (page: ReadPage, starts: string) => page.items.find((i) => i.text.startsWith(starts));

describe('stampAboveContent', () => {
  it('grows the page by a band above its top and writes the stamp there, the page’s own text where it was', async () => {
    const { read } = await stamped({ text: 'Outside lab results' });
    expect([read.width, read.height]).toEqual([612, 792 + STAMP_BAND]);
    expect(item(read, 'Outside lab results')).toMatchObject({ x: 40, y: 752 });
    expect(item(read, 'Ana Quiroga')?.y).toBeGreaterThan(792);
    expect(read.text).toContain('Page 2 of 5');
  });

  it.each([90, 180, 270])('puts the band on top of a page turned %i°, as the reader sees it, and upright', async (rotate) => {
    const { read } = await stamped({ text: 'Turned referral', rotate });
    // The page as seen: turned, one band taller.
    const [seenWidth, seenHeight] = rotate === 180 ? [612, 792] : [792, 612];
    expect([read.width, read.height]).toEqual([seenWidth, seenHeight + STAMP_BAND]);
    for (const text of ['Ana Quiroga', 'Page 2 of 5']) {
      const found = item(read, text);
      expect(found?.upright).toBe(true);
      expect(found?.top).toBeGreaterThan(0);
      expect(found?.top).toBeLessThan(STAMP_BAND);
    }
    expect(item(read, 'Turned referral')?.top).toBeGreaterThan(STAMP_BAND);
  }); // prettier-ignore

  it('grows what is shown (the crop box), not what was hidden beyond it', async () => {
    const { read, boxes } = await stamped({ text: 'Cropped scan', cropBox: [0, 100, 612, 600] });
    expect(boxes.crop).toEqual([0, 100, 612, 600 + STAMP_BAND]);
    expect(boxes.media).toEqual([0, 0, 612, 792]);
    expect([read.width, read.height]).toEqual([612, 600 + STAMP_BAND]);
    const stampAt = item(read, 'Ana Quiroga')?.y ?? 0;
    expect(stampAt).toBeGreaterThan(700);
    expect(stampAt).toBeLessThan(700 + STAMP_BAND);
  });

  it('writes smaller type on a small page (a receipt), so that the page number stays whole', async () => {
    const { read } = await stamped({ text: 'Pharmacy receipt', size: [160, 240] });
    expect(read.text).toContain('Page 2 of 5');
    expect(item(read, 'Ana Quiroga')?.text.endsWith('…')).toBe(true);
  });
});
