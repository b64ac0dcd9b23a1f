/// <reference types="vite/client" />
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfjsLib = typeof Pdfjs;

let loading: Promise<PdfjsLib> | null = null;

/**
 * PDF.js, loaded on first use (it is 0.5 MB, never on the first screen), with its worker
 * bundled by Vite from node_modules and served from the app's own origin. The legacy build:
 * the modern one needs JavaScript features (Map.getOrInsertComputed) that the tablets' browsers
 * and Node 24 do not all have yet.
 *
 * Under Node (the unit tests) there is no Web Worker: see pdfjs-in-this-thread.ts.
 */
export function loadPdfjs(): Promise<PdfjsLib> {
  loading ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    if (typeof window !== 'undefined' && !pdfjs.GlobalWorkerOptions.workerSrc) {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url');
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    }
    return pdfjs;
  })();
  return loading;
}

/** An open PDF; `close()` ends its work in PDF.js's worker (always call it). */
export type OpenedPdf = { document: PDFDocumentProxy; close(): Promise<void> };

/** Opens a PDF from its bytes (copied: PDF.js takes ownership of what it is given). */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    // Fonts are turned into paths instead of FontFace rules: nothing is evaluated, and a page
    // renders the same in a page, a worker or Node.
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return { document: await task.promise, close: () => task.destroy() };
  } catch (error) {
    await task.destroy();
    throw error;
  }
}
