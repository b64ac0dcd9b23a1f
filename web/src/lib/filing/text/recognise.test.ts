import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OCR_FILES, OCR_PACKAGES } from './ocr-assets.ts';
import { runPdfjsInThisThread } from './pdfjs-in-this-thread.ts';
import { type RecognitionProgress, TextRecogniser } from './recognise.ts';

const require = createRequire(import.meta.url);
/** The npm language data, the same file the app serves: no network. */
const englishFolder = join(
  dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);
/** A scan of a page of invented words (fixtures/make-fixtures.ts). */
const scan = readFileSync(new URL('fixtures/scanned-page.png', import.meta.url));

const recogniser = new TextRecogniser({ assets: { langPath: englishFolder }, idleMs: 5_000 });
beforeAll(runPdfjsInThisThread);
afterAll(() => recogniser.dispose());

describe('text recognition on the device', () => {
  it('reads the words of a scanned page, with its confidence and progress', async () => {
    const progress: RecognitionProgress[] = [];
    const result = await recogniser.recogniseImage(new Blob([scan]), (p) => progress.push(p));
    if (!result.ok) throw new Error(result.error.message);
    const [page] = result.value.pages;
    expect(page?.text).toContain('Referral letter about a synthetic patient');
    expect(page?.text).toMatch(/lantern meadow report/);
    expect(page?.text).toMatch(/Velvet harbour/);
    expect(result.value.meanConfidence).toBeGreaterThan(80);
    expect(progress.at(-1)).toEqual({ pageNumber: 1, pageCount: 1, progress: 1 });
  }, 60_000);

  it('reads only the scanned page of a PDF whose other page has text', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([612, 792]).drawText('A typed cover page', { x: 72, y: 700, font });
    const image = await doc.embedPng(scan);
    doc.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
    const result = await recogniser.recognisePdf(await doc.save());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.pages.map((p) => p.pageNumber)).toEqual([2]);
    expect(result.value.pages[0]?.text).toMatch(/Quartz orchard results/);
  }, 60_000);

  it('says when a file is not an image', async () => {
    const result = await recogniser.recogniseImage(new Blob(['not a picture']));
    expect(result).toMatchObject({ ok: false, error: { code: 'unreadable-image' } });
  }, 60_000);
});

describe('the files the app serves for recognition', () => {
  it('are the npm packages’ own files, at the versions installed', () => {
    for (const file of OCR_FILES) expect(() => require.resolve(file.from)).not.toThrow();
    for (const [name, version] of Object.entries(OCR_PACKAGES))
      expect(
        JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')),
      ).toMatchObject({
        version,
      });
  });
});
