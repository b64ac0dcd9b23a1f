import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { openPdf } from './pdfjs.ts';

/** The text of one page of a PDF, as the PDF itself carries it. */
export type PdfPageText = {
  /** 1-based, as staff count pages. */
  pageNumber: number;
  text: string;
  /**
   * No words on the page: a scan or a photo, whose text only recognition can find
   * (recognise.ts).
   */
  needsRecognition: boolean;
};

export type PdfTextError = { code: 'unreadable-pdf' | 'locked-pdf'; message: string };

/** Fewer letters or digits than this and the page counts as having no text (a stray mark). */
const MIN_TEXT_CHARACTERS = 3;

/**
 * The text already inside a PDF, page by page, with PDF.js (in its worker, loaded on first use).
 * Lines end where the PDF says they do; runs of spaces are folded.
 */
export async function pdfText(pdf: Uint8Array): Promise<Result<PdfPageText[], PdfTextError>> {
  let opened;
  try {
    opened = await openPdf(pdf);
  } catch (error) {
    const locked = error instanceof Error && error.name === 'PasswordException';
    return fail(
      locked
        ? { code: 'locked-pdf', message: 'This PDF is password-protected' }
        : { code: 'unreadable-pdf', message: 'This PDF is damaged or not a PDF' },
    );
  }
  const { document } = opened;
  try {
    const pages: PdfPageText[] = [];
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent();
      const text = joinItems(content.items.flatMap((item) => ('str' in item ? [item] : [])));
      pages.push({ pageNumber, text, needsRecognition: !hasWords(text) });
      page.cleanup();
    }
    return ok(pages);
  } finally {
    await opened.close();
  }
}

function joinItems(items: readonly { str: string; hasEOL: boolean }[]): string {
  const text = items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function hasWords(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_TEXT_CHARACTERS;
}
