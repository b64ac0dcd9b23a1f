import { sniffBlobType } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { newId } from '../../session/device.ts';
import { type CapturePage, movePage, removePage, rotatePage, shownSize } from './capture-pages.ts';
import { sha256Hex } from './checksum.ts';
import type { PdfError, PdfMetadata } from './images-to-pdf.ts';
import type { PrepareImage } from './prepare-image.ts';

/** Why one of the files given to `add` did not become pages. */
export type CaptureFileError = {
  code:
    'empty' | 'unsupported-type' | 'not-an-image' | 'too-large' | 'unreadable-pdf' | 'locked-pdf';
  message: string;
};

export type AddOutcome = {
  /** Pages added, in the order the files came. */
  added: number;
  /** Files that added nothing, each with why (in the order given). */
  refused: { file: Blob; error: CaptureFileError }[];
};

/** The capture as one PDF, ready to be stored as a blob and filed. */
export type CapturedPdf = {
  bytes: Uint8Array<ArrayBuffer>;
  /** Lowercase hex SHA-256: the blob's address, to look up "already filed as …". */
  sha256: string;
  pageCount: number;
};

export type CaptureSessionOptions = {
  /** Page ids; the browser's time-ordered ids unless given. */
  newId?: () => string;
  /** How an image becomes a page; prepare-image.ts (browser only) unless given. */
  prepareImage?: PrepareImage;
};

/**
 * The pages being captured at the desk: camera shots and picked files (images, PDFs) as one
 * list of pages, reordered, turned and removed before they become ONE PDF, on the device and
 * offline. A picked PDF adds each of its pages, which can then be moved among the shots.
 *
 * pdf-lib and the image preparation load on first use, never with the screen that holds the
 * session.
 */
export class CaptureSession {
  #pages = $state.raw<readonly CapturePage[]>([]);
  #adding = $state(0);
  readonly #newId: () => string;
  readonly #prepareImage: PrepareImage | undefined;

  constructor(options: CaptureSessionOptions = {}) {
    this.#newId = options.newId ?? newId;
    this.#prepareImage = options.prepareImage;
  }

  /** The pages in the order they will be filed. */
  get pages(): readonly CapturePage[] {
    return this.#pages;
  }

  /** Files still being read (a phone photo takes a moment to downscale). */
  get adding(): number {
    return this.#adding;
  }

  /**
   * Adds camera shots and picked files at the end, in the order given: an image (JPEG, PNG,
   * WebP: by its bytes, not its name) becomes one upright, downscaled page; a PDF, each of its
   * pages. Files that cannot be pages are named in `refused`; the others are still added.
   */
  async add(files: Iterable<Blob>): Promise<AddOutcome> {
    const outcome: AddOutcome = { added: 0, refused: [] };
    for (const file of files) {
      this.#adding++;
      try {
        const pages = await this.#pagesOf(file);
        if (!pages.ok) {
          outcome.refused.push({ file, error: pages.error });
          continue;
        }
        // Appended to the list as it is now: staff may have turned or moved pages meanwhile.
        this.#pages = [...this.#pages, ...pages.value];
        outcome.added += pages.value.length;
      } finally {
        this.#adding--;
      }
    }
    return outcome;
  }

  /** Moves page `id` to position `toIndex` (0-based, clamped to the list). */
  move(id: string, toIndex: number): void {
    this.#pages = movePage(this.#pages, id, toIndex);
  }

  /** Turns page `id` a quarter clockwise. */
  rotate(id: string): void {
    this.#pages = rotatePage(this.#pages, id);
  }

  /** Drops page `id` from the capture. */
  remove(id: string): void {
    this.#pages = removePage(this.#pages, id);
  }

  /** Starts over (after filing, or when staff discard the capture). */
  clear(): void {
    this.#pages = [];
  }

  /** The pages as they are now, as one PDF with its checksum (see images-to-pdf.ts). */
  async toPdf(metadata: PdfMetadata): Promise<Result<CapturedPdf, PdfError>> {
    const pages = this.#pages;
    const { pagesToParts, partsToPdf } = await import('./images-to-pdf.ts');
    const parts = await pagesToParts(pages);
    const made = await partsToPdf(parts, metadata);
    if (!made.ok) return made;
    const bytes = new Uint8Array(made.value);
    return ok({ bytes, sha256: await sha256Hex(bytes), pageCount: pages.length });
  }

  async #pagesOf(file: Blob): Promise<Result<CapturePage[], CaptureFileError>> {
    if (file.size === 0) return fail({ code: 'empty', message: 'The file is empty' });
    const type = sniffBlobType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
    if (type === null)
      return fail({
        code: 'unsupported-type',
        message: 'Only JPEG, PNG or WebP images and PDF files can be filed',
      });
    if (type === 'application/pdf') return this.#pdfPages(file);
    const prepare = this.#prepareImage ?? (await import('./prepare-image.ts')).prepareImage;
    const prepared = await prepare(file);
    if (!prepared.ok) return prepared;
    const { blob, width, height } = prepared.value;
    return ok([
      { id: this.#newId(), source: blob, type: prepared.value.type, width, height, rotation: 0 },
    ]);
  }

  async #pdfPages(file: Blob): Promise<Result<CapturePage[], CaptureFileError>> {
    const { PDFDocument } = await import('pdf-lib');
    try {
      const pdf = await PDFDocument.load(new Uint8Array(await file.arrayBuffer()), {
        updateMetadata: false,
      });
      const source = new Blob([file], { type: 'application/pdf' });
      return ok(
        pdf.getPages().map((page, pdfPageIndex) => {
          const { width, height } = shownSize({
            ...page.getSize(),
            rotation: page.getRotation().angle % 180 === 0 ? 0 : 90,
          });
          return {
            id: this.#newId(),
            source,
            type: 'application/pdf',
            pdfPageIndex,
            width,
            height,
            rotation: 0,
          };
        }),
      );
    } catch (error) {
      const locked = error instanceof Error && error.name === 'EncryptedPDFError';
      return fail(
        locked
          ? { code: 'locked-pdf', message: 'This PDF is password-protected' }
          : { code: 'unreadable-pdf', message: 'This PDF is damaged or not a PDF' },
      );
    }
  }
}
