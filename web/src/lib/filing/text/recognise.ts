import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type Tesseract from 'tesseract.js';
import { BROWSER_OCR_ASSETS, type RecognitionAssets } from './ocr-assets.ts';
import { renderPdfPage } from './render-pdf-page.ts';
import { openPdf } from './pdfjs.ts';
import { pdfText } from './pdf-text.ts';

/** The words recognised on one page. */
export type RecognisedPage = {
  /** 1-based: the page of the PDF, or 1 for an image. */
  pageNumber: number;
  text: string;
  /** Tesseract's confidence in the page's words, 0 to 100. */
  confidence: number;
};

export type Recognition = {
  pages: RecognisedPage[];
  /** The pages' mean confidence, 0 to 100 (0 when nothing was recognised). */
  meanConfidence: number;
};

/** How far a recognition is: `progress` runs from 0 to 1 over all its pages. */
export type RecognitionProgress = { pageNumber: number; pageCount: number; progress: number };

export type RecognitionError = {
  code: 'recognition-unavailable' | 'unreadable-image' | 'unreadable-pdf';
  message: string;
};

export type TextRecogniserOptions = {
  /** The engine's files; the app's own /ocr/ copies unless given. */
  assets?: RecognitionAssets;
  /** The worker ends after this long without work (it holds ~100 MB); 60 s unless given. */
  idleMs?: number;
  /** Pages of a PDF are drawn at this resolution for recognition; 200 DPI unless given. */
  dpi?: number;
};

const DEFAULT_IDLE_MS = 60_000;
const DEFAULT_DPI = 200;

/**
 * Text recognition on the device, offline, with tesseract.js in its Web Worker (English). One
 * worker, started on first use and reused; recognitions run one after the other; the worker ends
 * when idle and starts again when needed. Nothing here loads until the first recognition.
 */
export class TextRecogniser {
  readonly #assets: RecognitionAssets;
  readonly #idleMs: number;
  readonly #dpi: number;
  #worker: Promise<Tesseract.Worker> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #idleTimer: ReturnType<typeof setTimeout> | null = null;
  #onProgress: ((progress: number) => void) | null = null;

  constructor(options: TextRecogniserOptions = {}) {
    this.#assets = options.assets ?? BROWSER_OCR_ASSETS;
    this.#idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.#dpi = options.dpi ?? DEFAULT_DPI;
  }

  /** The words in an image (JPEG, PNG, WebP): a camera shot or a scan. */
  recogniseImage(
    image: Blob,
    onProgress?: (progress: RecognitionProgress) => void,
  ): Promise<Result<Recognition, RecognitionError>> {
    return this.#serially(async () => {
      const page = await this.#recognise(new Uint8Array(await image.arrayBuffer()), (p) =>
        onProgress?.({ pageNumber: 1, pageCount: 1, progress: p }),
      );
      return page.ok ? ok(summarise([{ ...page.value, pageNumber: 1 }])) : page;
    });
  }

  /**
   * The words on the pages of a PDF that carry no text of their own (scans, photos), each page
   * drawn at `dpi` with PDF.js and recognised; or on the pages named (1-based). Pages with text
   * are better read with pdfText, which this does not repeat.
   */
  recognisePdf(
    pdf: Uint8Array,
    options: {
      pages?: readonly number[];
      onProgress?: (progress: RecognitionProgress) => void;
    } = {},
  ): Promise<Result<Recognition, RecognitionError>> {
    return this.#serially(async () => {
      let pageNumbers = options.pages;
      if (!pageNumbers) {
        const text = await pdfText(pdf);
        if (!text.ok) return fail({ code: 'unreadable-pdf', message: text.error.message });
        pageNumbers = text.value.filter((p) => p.needsRecognition).map((p) => p.pageNumber);
      }
      let opened;
      try {
        opened = await openPdf(pdf);
      } catch {
        return fail({ code: 'unreadable-pdf', message: 'This PDF is damaged or not a PDF' });
      }
      try {
        const pages: RecognisedPage[] = [];
        for (const [index, pageNumber] of pageNumbers.entries()) {
          if (pageNumber < 1 || pageNumber > opened.document.numPages)
            return fail({ code: 'unreadable-pdf', message: `This PDF has no page ${pageNumber}` });
          const png = await renderPdfPage(opened.document, pageNumber, this.#dpi);
          const page = await this.#recognise(png, (p) =>
            options.onProgress?.({
              pageNumber,
              pageCount: pageNumbers.length,
              progress: (index + p) / pageNumbers.length,
            }),
          );
          if (!page.ok) return page;
          pages.push({ ...page.value, pageNumber });
        }
        return ok(summarise(pages));
      } finally {
        await opened.close();
      }
    });
  }

  /** Ends the worker now (a recognition asked for later starts a new one). */
  async dispose(): Promise<void> {
    this.#clearIdleTimer();
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await (await worker.catch(() => null))?.terminate();
  }

  async #recognise(
    image: Uint8Array<ArrayBuffer>,
    onProgress: (progress: number) => void,
  ): Promise<Result<Omit<RecognisedPage, 'pageNumber'>, RecognitionError>> {
    let worker: Tesseract.Worker;
    try {
      worker = await this.#startedWorker();
    } catch (error) {
      this.#worker = null;
      return fail({
        code: 'recognition-unavailable',
        message: `Text recognition could not start on this device (${String(error)})`,
      });
    }
    this.#onProgress = onProgress;
    try {
      const { data } = await worker.recognize(imageLike(image));
      onProgress(1);
      return ok({ text: data.text.trim(), confidence: Math.round(data.confidence) });
    } catch {
      return fail({
        code: 'unreadable-image',
        message: 'This page is not an image this device can read',
      });
    } finally {
      this.#onProgress = null;
    }
  }

  #startedWorker(): Promise<Tesseract.Worker> {
    this.#worker ??= (async () => {
      const { createWorker, OEM } = await import('tesseract.js');
      return createWorker('eng', OEM.LSTM_ONLY, {
        ...this.#assets,
        // The classic worker from this origin, not a blob: URL (the CSP allows workers from
        // 'self' only, and the engine finds its .wasm beside the worker's script).
        workerBlobURL: false,
        // The service worker keeps the language data; no second copy in IndexedDB (or, under
        // Node, a file written to the working directory).
        cacheMethod: 'none',
        gzip: true,
        logger: (message) => {
          if (message.status === 'recognizing text') this.#onProgress?.(message.progress);
        },
        errorHandler: () => {},
      });
    })();
    return this.#worker;
  }

  #serially<T>(job: () => Promise<T>): Promise<T> {
    this.#clearIdleTimer();
    const run = this.#queue.then(job, job);
    this.#queue = run.then(
      () => this.#idleSoon(),
      () => this.#idleSoon(),
    );
    return run;
  }

  #idleSoon(): void {
    this.#clearIdleTimer();
    this.#idleTimer = setTimeout(() => void this.dispose(), this.#idleMs);
  }

  #clearIdleTimer(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}

/** Encoded image bytes as tesseract.js reads them: a Blob in the browser, a Buffer under Node. */
function imageLike(bytes: Uint8Array<ArrayBuffer>): Tesseract.ImageLike {
  return typeof Buffer === 'undefined' ? new Blob([bytes]) : Buffer.from(bytes);
}

function summarise(pages: RecognisedPage[]): Recognition {
  const meanConfidence =
    pages.length === 0
      ? 0
      : Math.round(pages.reduce((sum, p) => sum + p.confidence, 0) / pages.length);
  return { pages, meanConfidence };
}
