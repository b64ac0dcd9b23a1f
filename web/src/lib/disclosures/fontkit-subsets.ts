import fontkit from '@pdf-lib/fontkit';

/**
 * @pdf-lib/fontkit with its TrueType subsets mended. Its subsetter (a fork of fontkit 1.7)
 * writes a subset's `loca` table in the short format, which halves every glyph offset, without
 * padding glyph records to an even length: after the first odd-length glyph every later glyph
 * is read from the wrong byte, and a PDF viewer draws blanks for most letters (the text still
 * extracts, so only looking shows it). Upstream fontkit fixed it in 1.8 (foliojs/fontkit#191),
 * but its 2.x no longer has the `encodeStream` pdf-lib calls. So each subset is told to write
 * the long format: `loca.preEncode` keeps a format that is already set. The cost is two bytes
 * per glyph of the subset.
 */
type Fontkit = typeof fontkit;
type Subset = ReturnType<ReturnType<Fontkit['create']>['createSubset']>;

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

export const mendedFontkit: Fontkit = {
  create(bytes, postscriptName) {
    const font = fontkit.create(bytes, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => withLongLoca(createSubset());
    return font;
  },
};
