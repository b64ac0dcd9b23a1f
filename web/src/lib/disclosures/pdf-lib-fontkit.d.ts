// @pdf-lib/fontkit names a declaration file it does not ship; its one export is the font engine
// pdf-lib's registerFontkit takes.
declare module '@pdf-lib/fontkit' {
  import type { PDFDocument } from 'pdf-lib';

  const fontkit: Parameters<PDFDocument['registerFontkit']>[0];
  export default fontkit;
}
