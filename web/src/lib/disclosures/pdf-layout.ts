import { StandardFonts, type PDFDocument, type PDFFont } from 'pdf-lib';
import { mendedFontkit } from './mended-fontkit.ts';

/**
 * Text on the pages ClinicDesk writes (release cover letters, printed accountings, stamps).
 *
 * pdf-lib's standard fonts (Helvetica) encode WinAnsi only: "Łukasik", "Nguyễn", "Ђорђе" or
 * "李" cannot be written with them, and a patient's name must print as registered. So the
 * pages embed Noto Sans (OFL; the TTFs of an npm package, through @pdf-lib/fontkit, subset to
 * the glyphs used: a few KB per PDF, see mended-fontkit.ts) when the caller hands its bytes in
 * (`unicode-fonts.ts` reads them in the browser from the app's own precached files, so this
 * works offline). Noto Sans covers Latin, Greek, Cyrillic and Vietnamese; CJK and emoji fonts
 * are megabytes each, so those fall back. Without the font (it could not be read) the pages are
 * written in Helvetica.
 *
 * A character the font cannot draw is never dropped silently: it becomes its base letter when
 * it has one ("Ł" → "L", "ﬁ" → "fi"), else the visible placeholder "?"; `unprintable` tells the
 * caller which characters were replaced, so the screen can say so before the page leaves.
 */

export type UnicodeFontBytes = { regular: Uint8Array; bold: Uint8Array };
export type PageFonts = { regular: PDFFont; bold: PDFFont };
export type TextStyle = { font: PDFFont; size: number };

export const PLACEHOLDER = '?';

/** Embeds the fonts a page writes with: Noto Sans when given, else Helvetica (WinAnsi only). */
export async function embedPageFonts(
  doc: PDFDocument,
  unicode: UnicodeFontBytes | undefined,
): Promise<PageFonts> {
  if (!unicode) {
    const [regular, bold] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
    ]);
    return { regular, bold };
  }
  doc.registerFontkit(mendedFontkit);
  // A fixed subset tag (six capitals, PDF 9.6.4) instead of pdf-lib's generated one: the same
  // request gives the same bytes.
  const options = (name: string) => ({ subset: true, customName: name });
  const [regular, bold] = await Promise.all([
    doc.embedFont(unicode.regular, options('CDREGU+NotoSans-Regular')),
    doc.embedFont(unicode.bold, options('CDBOLD+NotoSans-Bold')),
  ]);
  return { regular, bold };
}

const characterSets = new WeakMap<PDFFont, Set<number>>();
function canDraw(font: PDFFont, text: string): boolean {
  let set = characterSets.get(font);
  if (!set) characterSets.set(font, (set = new Set(font.getCharacterSet())));
  for (const char of text) if (!set.has(char.codePointAt(0) ?? 0)) return false;
  return true;
}

// Latin letters whose base letter no Unicode decomposition gives.
const BASE_LETTERS: Record<string, string> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ŧ: 't', Ŧ: 'T', ŀ: 'l', Ŀ: 'L',
  ŋ: 'n', Ŋ: 'N', ə: 'e', Ə: 'E', ſ: 's', ø: 'o', Ø: 'O', '\u2011': '-', '\u00a0': ' ',
}; // prettier-ignore

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** One line of text as the font can draw it (see above); line breaks and tabs become spaces. */
export function printable(text: string, font: PDFFont): string {
  let out = '';
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    if (/^[\p{Cc}\p{Zl}\p{Zp}]+$/u.test(segment)) out += ' ';
    else if (canDraw(font, segment)) out += segment;
    else {
      const base = [...segment.normalize('NFKD').replace(/\p{M}/gu, '')]
        .map((char) => BASE_LETTERS[char] ?? char)
        .join('');
      out += base !== '' && canDraw(font, base) ? base : PLACEHOLDER;
    }
  }
  return out;
}

/** The characters of `text` the font cannot draw as written (each once, in order). */
export function unprintable(text: string, font: PDFFont): string[] {
  const found = new Set<string>();
  for (const { segment } of graphemes.segment(text.normalize('NFC')))
    if (!/^[\p{Cc}\p{Zl}\p{Zp}]+$/u.test(segment) && !canDraw(font, segment)) found.add(segment);
  return [...found];
}

export const widthOf = (text: string, style: TextStyle): number =>
  style.font.widthOfTextAtSize(text, style.size);

/**
 * Text broken into lines no wider than `maxWidth`, at spaces, a word too long for a line broken
 * where it must; each paragraph (a line break in the text) starts a new line. Lines are
 * printable (see `printable`).
 */
export function wrapText(text: string, style: TextStyle, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of printable(paragraph, style.font).split(' ').filter(Boolean)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (widthOf(candidate, style) <= maxWidth) line = candidate;
      else {
        if (line !== '') lines.push(line);
        line = '';
        for (const { segment } of graphemes.segment(word)) {
          if (line !== '' && widthOf(line + segment, style) > maxWidth) {
            lines.push(line);
            line = '';
          }
          line += segment;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

/** One line, shortened with "…" when it is wider than `maxWidth`. */
export function fitText(text: string, style: TextStyle, maxWidth: number): string {
  const line = printable(text, style.font);
  if (widthOf(line, style) <= maxWidth) return line;
  const parts = [...graphemes.segment(line)].map((part) => part.segment);
  while (parts.length > 0 && widthOf(`${parts.join('').trimEnd()}…`, style) > maxWidth) parts.pop();
  return `${parts.join('').trimEnd()}…`;
}
