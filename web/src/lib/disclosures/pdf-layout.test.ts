import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { notoSans } from './fixtures/noto-sans.ts';
import {
  embedPageFonts,
  fitText,
  printable,
  unprintable,
  widthOf,
  wrapText,
  type PageFonts,
} from './pdf-layout.ts';

const NAME = 'Zoë Ñúñez-Łukasik';
let noto: PageFonts;
let helvetica: PageFonts;
beforeAll(async () => {
  noto = await embedPageFonts(await PDFDocument.create({ updateMetadata: false }), notoSans());
  helvetica = await embedPageFonts(await PDFDocument.create({ updateMetadata: false }), undefined);
});

describe('printable', () => {
  it('keeps a name as written when Noto Sans is embedded', () => {
    expect(printable(NAME, noto.regular)).toBe(NAME);
    expect(printable('Nguyễn Thị Ánh · Ђорђе · Σοφία', noto.bold)).toBe(
      'Nguyễn Thị Ánh · Ђорђе · Σοφία',
    );
    expect(unprintable(NAME, noto.regular)).toEqual([]);
  });

  it('falls back to Helvetica with the base letter where WinAnsi has none, and names what it replaced', () => {
    expect(printable(NAME, helvetica.regular)).toBe('Zoë Ñúñez-Lukasik');
    expect(unprintable(NAME, helvetica.regular)).toEqual(['Ł']);
    expect(printable('ﬁle Đặng', helvetica.regular)).toBe('file Dang');
  });

  it('puts one visible "?" for each character no font here draws (CJK, emoji), as a reader counts them', () => {
    expect(printable('李小龍 👨‍👩‍👧 Ana', noto.regular)).toBe('??? ? Ana');
    expect(unprintable('李小龍 👨‍👩‍👧 Ana', noto.regular)).toEqual(['李', '小', '龍', '👨‍👩‍👧']);
  });

  it('writes a line break or a tab inside a line as a space', () => {
    expect(printable('120 Maple St\nSpringfield\tIL', helvetica.regular)).toBe(
      '120 Maple St Springfield IL',
    );
  });
});

describe('wrapText', () => {
  const text = `${NAME} asked for the referral letter, the outside lab results and the signed consent forms of the last two years.`;

  it('breaks at spaces so that no line is wider than asked, every word kept whole and in order', () => {
    const style = { font: noto.regular, size: 10 };
    const lines = wrapText(text, style, 150);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(widthOf(line, style)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks a word longer than a line where it must', () => {
    const style = { font: helvetica.regular, size: 10 };
    const lines = wrapText('ROI-2026-0042-ATTACHMENT-BUNDLE', style, 60);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(widthOf(line, style)).toBeLessThanOrEqual(60);
    expect(lines.join('')).toBe('ROI-2026-0042-ATTACHMENT-BUNDLE');
  });

  it('starts a new line at each line break of the text (an address)', () => {
    const style = { font: helvetica.regular, size: 10 };
    expect(wrapText('400 Court Plaza\nSpringfield, IL 62701', style, 400)).toEqual([
      '400 Court Plaza',
      'Springfield, IL 62701',
    ]);
  });
});

describe('fitText', () => {
  it('shortens a line that does not fit with "…", and leaves one that fits alone', () => {
    const style = { font: noto.regular, size: 8 };
    expect(fitText(NAME, style, 500)).toBe(NAME);
    const short = fitText(`${NAME} · Chart 100234-7 · Request ROI-2026-0042`, style, 90);
    expect(short.endsWith('…')).toBe(true);
    expect(widthOf(short, style)).toBeLessThanOrEqual(90);
  });
});

describe('embedPageFonts', () => {
  it('embeds a subset of Noto Sans whose glyphs are the font’s own outlines (fontkit’s short-loca bug blanks them)', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const fonts = await embedPageFonts(doc, notoSans());
    const text = `${NAME} · Chart 100234-7 · Page 3 of 12`;
    doc.addPage().drawText(text, { x: 40, y: 700, font: fonts.regular, size: 10 });
    const saved = await PDFDocument.load(await doc.save());

    const embedded = saved.context
      .enumerateIndirectObjects()
      .flatMap(([, object]) => (object instanceof PDFDict && object.get(PDFName.of('FontName')) === PDFName.of('CDREGU+NotoSans-Regular') ? [object] : []))
      .map((descriptor) => saved.context.lookup(descriptor.get(PDFName.of('FontFile2'))))
      .filter((stream) => stream instanceof PDFRawStream);
    expect(embedded).toHaveLength(1);
    const subset = fontkit.create(decodePDFRawStream(embedded[0]!).decode());
    const original = fontkit.create(notoSans().regular);

    const outline = (glyph: { path: { toSVG(): string } }) => glyph.path.toSVG();
    const drawn = [...new Set([...text].filter((char) => char !== ' '))].map((char) => outline(original.glyphForCodePoint(char.codePointAt(0) ?? 0)));
    const inSubset = Array.from({ length: subset.numGlyphs }, (_, id) => outline(subset.getGlyph(id)));
    for (const glyph of drawn) expect(inSubset).toContain(glyph);
  }); // prettier-ignore
});
