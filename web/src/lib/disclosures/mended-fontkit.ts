import fontkit from '@pdf-lib/fontkit';

/**
 * @pdf-lib/fontkit, mended twice for the PDFs ClinicDesk writes.
 *
 * 1. Its TrueType subsets. Its subsetter (a fork of fontkit 1.7) writes a subset's `loca` table
 *    in the short format, which halves every glyph offset, without padding glyph records to an
 *    even length: after the first odd-length glyph every later one is read from the wrong byte,
 *    and a viewer draws blanks for most letters (the text still extracts: only looking shows
 *    it). Upstream fontkit fixed it in 1.8 (foliojs/fontkit#191), but its 2.x no longer has the
 *    `encodeStream` pdf-lib calls. So each subset writes the long format (`loca.preEncode` keeps
 *    a format already set), two bytes more per glyph.
 * 2. Its layout. pdf-lib lays out every string it measures or draws and keeps only the glyphs
 *    (never the positions: no kerning). fontkit shapes each string anew, about 5 ms a line of
 *    Noto Sans, so wrapping and drawing a long accounting took seconds. The scripts Noto Sans
 *    covers need no shaping to choose glyphs once text is NFC (as `printable` makes it): the
 *    font's character map gives them, so that is the layout, and no ligature is formed.
 */
type Fontkit = typeof fontkit;
type Font = ReturnType<Fontkit['create']>;
type Subset = ReturnType<Font['createSubset']>;

/** What of fontkit's TTFSubset this reaches: `loca` is made afresh by each `encode`. */
type SubsetInternals = Subset & {
  _addGlyph?: (gid: number) => number;
  loca?: { version?: number; offsets: number[] };
};

function withLongLoca(subset: Subset): Subset {
  const internals: SubsetInternals = subset;
  const addGlyph = internals._addGlyph?.bind(subset);
  // A CFF (OpenType) subset has no loca and no _addGlyph: nothing to mend.
  if (!addGlyph) return subset;
  internals._addGlyph = (gid) => {
    if (internals.loca && internals.loca.version === undefined) internals.loca.version = 1;
    return addGlyph(gid);
  };
  return subset;
}

function characterMapLayout(font: Font): Font['layout'] {
  return (text) => {
    const glyphs = Array.from(text, (char) => font.glyphForCodePoint(char.codePointAt(0) ?? 0));
    const positions = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    const advanceWidth = positions.reduce((sum, { xAdvance }) => sum + xAdvance, 0);
    // pdf-lib reads `glyphs` only; the rest is what fontkit would say of an unshaped run.
    return { glyphs, positions, script: 'Zyyy', language: null, direction: 'ltr', features: {}, advanceWidth, advanceHeight: 0, bbox: font.bbox };
  }; // prettier-ignore
}

export const mendedFontkit: Fontkit = {
  create(bytes, postscriptName) {
    const font = fontkit.create(bytes, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => withLongLoca(createSubset());
    font.layout = characterMapLayout(font);
    return font;
  },
};
