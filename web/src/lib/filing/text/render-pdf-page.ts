import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** PDF.js's canvas factory gives a DOM canvas in the browser and an @napi-rs/canvas under Node. */
type AnyCanvas = {
  width: number;
  height: number;
  toBlob?: (callback: (blob: Blob | null) => void, type: string) => void;
  toBuffer?: (type: 'image/png') => Uint8Array;
};
type CanvasFactory = {
  create(width: number, height: number): { canvas: AnyCanvas; context: CanvasRenderingContext2D };
  destroy(entry: { canvas: AnyCanvas; context: CanvasRenderingContext2D }): void;
};

/**
 * One page of an open PDF drawn at `dpi` on white, as PNG bytes (for text recognition, or a
 * thumbnail). Drawn with PDF.js's own canvas factory, so the same code runs in the app and in
 * Node's tests.
 */
export async function renderPdfPage(
  document: PDFDocumentProxy,
  pageNumber: number,
  dpi: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const page = await document.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: dpi / 72 });
    const factory = document.canvasFactory;
    if (!isCanvasFactory(factory)) throw new Error('PDF.js has no canvas factory here');
    const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      // The factory's canvas is not always a DOM one (Node): PDF.js draws on its context then.
      await page.render({
        canvas: null,
        canvasContext: entry.context,
        viewport,
        background: '#ffffff',
      }).promise;
      return await pngOf(entry.canvas);
    } finally {
      factory.destroy(entry);
    }
  } finally {
    page.cleanup();
  }
}

function isCanvasFactory(factory: object): factory is CanvasFactory {
  return 'create' in factory && 'destroy' in factory;
}

async function pngOf(canvas: AnyCanvas): Promise<Uint8Array<ArrayBuffer>> {
  if (canvas.toBuffer) return new Uint8Array(canvas.toBuffer('image/png'));
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob?.(resolve, 'image/png'));
  if (!blob) throw new Error('This browser could not draw the page');
  return new Uint8Array(await blob.arrayBuffer());
}
