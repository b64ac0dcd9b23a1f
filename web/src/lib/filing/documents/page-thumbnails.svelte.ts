import { SvelteMap } from 'svelte/reactivity';
import type { CapturePage } from '../capture/capture-pages.ts';

/** Thumbnails are drawn small: a page 8.5 inches wide is 300 px at this resolution. */
const THUMBNAIL_DPI = 36;

/**
 * Pictures of a capture's pages for its thumbnails: an image page shows its own (already
 * downscaled) bytes; a page of a picked PDF is drawn once with PDF.js. URLs are revoked by
 * `dispose` (when the capture screen goes).
 */
export class PageThumbnails {
  readonly #urls = new SvelteMap<string, string>();
  // Bookkeeping, not state: nothing on screen depends on which pages were asked for.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #asked = new Set<string>();

  /** The page's picture, or undefined while it is drawn. */
  url(page: CapturePage): string | undefined {
    const url = this.#urls.get(page.id);
    if (url === undefined && !this.#asked.has(page.id)) {
      this.#asked.add(page.id);
      queueMicrotask(() => void this.#make(page));
    }
    return url;
  }

  async #make(page: CapturePage): Promise<void> {
    try {
      if (page.type !== 'application/pdf') {
        this.#urls.set(page.id, URL.createObjectURL(page.source));
        return;
      }
      const { openPdf } = await import('../text/pdfjs.ts');
      const opened = await openPdf(new Uint8Array(await page.source.arrayBuffer()));
      try {
        const pdfPage = await opened.document.getPage((page.pdfPageIndex ?? 0) + 1);
        const viewport = pdfPage.getViewport({ scale: THUMBNAIL_DPI / 72 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(viewport.width);
        canvas.height = Math.ceil(viewport.height);
        const context = canvas.getContext('2d');
        if (!context) return;
        await pdfPage.render({ canvasContext: context, viewport, canvas, background: '#ffffff' })
          .promise;
        pdfPage.cleanup();
        const png = await new Promise<Blob | null>((resolve) =>
          canvas.toBlob(resolve, 'image/png'),
        );
        if (png) this.#urls.set(page.id, URL.createObjectURL(png));
      } finally {
        await opened.close();
      }
    } catch (error) {
      console.error('ClinicDesk could not draw a page thumbnail', error);
    }
  }

  dispose(): void {
    for (const url of this.#urls.values()) URL.revokeObjectURL(url);
    this.#urls.clear();
    this.#asked.clear();
  }
}
