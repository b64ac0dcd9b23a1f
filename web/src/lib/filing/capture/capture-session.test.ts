import { readFileSync } from 'node:fs';
import { ok } from '@clinicdesk/shared/result.ts';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from './capture-session.svelte.ts';
import type { PrepareImage } from './prepare-image.ts';

const shot = readFileSync(new URL('../text/fixtures/camera-shot.jpg', import.meta.url));
const META = { title: 'Outside records — synthetic', createdAt: new Date('2026-03-02T10:00:00Z') };

/** Under Node there is no canvas: the shot stands for what prepareImage makes of any image. */
const prepared: PrepareImage = () =>
  Promise.resolve(
    ok({
      blob: new Blob([shot], { type: 'image/jpeg' }),
      type: 'image/jpeg',
      width: 1650,
      height: 2200,
    }),
  );

function session(): CaptureSession {
  let n = 0;
  return new CaptureSession({ newId: () => `page-${++n}`, prepareImage: prepared });
}

async function twoPagePdf(): Promise<Blob> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const word of ['alpha', 'beta'])
    doc.addPage([612, 792]).drawText(word, { x: 72, y: 700, font });
  return new Blob([new Uint8Array(await doc.save())], { type: 'application/pdf' });
}

describe('a capture at the desk', () => {
  it('adds shots and a picked PDF as pages, one per shot and one per PDF page', async () => {
    const capture = session();
    const outcome = await capture.add([new Blob([shot]), await twoPagePdf(), new Blob([shot])]);
    expect(outcome).toEqual({ added: 4, refused: [] });
    expect(capture.pages.map((page) => [page.id, page.type, page.pdfPageIndex])).toEqual([
      ['page-1', 'image/jpeg', undefined],
      ['page-2', 'application/pdf', 0],
      ['page-3', 'application/pdf', 1],
      ['page-4', 'image/jpeg', undefined],
    ]);
    expect(capture.pages[1]).toMatchObject({ width: 612, height: 792 });
  });

  it('names the files it cannot take and keeps the rest', async () => {
    const capture = session();
    const outcome = await capture.add([
      new Blob(['a letter, typed']),
      new Blob([]),
      new Blob([shot]),
    ]);
    expect(outcome.added).toBe(1);
    expect(outcome.refused.map((r) => r.error.code)).toEqual(['unsupported-type', 'empty']);
    const damaged = await capture.add([new Blob(['%PDF-1.7 and nothing else'])]);
    expect(damaged.refused.map((r) => r.error.code)).toEqual(['unreadable-pdf']);
  });

  it('files the pages as they stand after moving, turning and removing', async () => {
    const capture = session();
    await capture.add([new Blob([shot]), await twoPagePdf(), new Blob([shot])]);
    capture.move('page-4', 0); // the last shot first
    capture.rotate('page-1');
    capture.remove('page-2'); // the PDF's first page
    const pdf = await capture.toPdf(META);
    if (!pdf.ok) throw new Error(pdf.error.message);
    expect(pdf.value.pageCount).toBe(3);
    expect(pdf.value.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pages = (await PDFDocument.load(pdf.value.bytes)).getPages();
    expect(pages.map((page) => [page.getRotation().angle, Math.round(page.getWidth())])).toEqual([
      [0, 612], // page-4, upright
      [90, 459], // page-1, turned: landscape, shown letter-wide
      [0, 612], // the PDF's second page
    ]);
  });

  it('gives the same checksum for the same pages, so a second filing is recognised', async () => {
    const first = session();
    const second = session();
    await first.add([new Blob([shot])]);
    await second.add([new Blob([shot])]);
    const [a, b] = await Promise.all([first.toPdf(META), second.toPdf(META)]);
    expect(a.ok && b.ok && a.value.sha256 === b.value.sha256).toBe(true);
  });

  it('refuses to file an empty capture', async () => {
    expect(await session().toPdf(META)).toMatchObject({ ok: false, error: { code: 'no-pages' } });
  });
});
