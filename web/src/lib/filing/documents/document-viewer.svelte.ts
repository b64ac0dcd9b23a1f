import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { ok, type Result } from '@clinicdesk/shared/result.ts';
import { untrack } from 'svelte';
import { type BlobUnavailable, keepBlobFromServer, markBlobUsed } from '../../blobs/blob-store.ts';
import type { LocalDatabase } from '../../db/local-db.ts';
import { deviceId } from '../../session/device.ts';
import { retryDelay } from '../../sync/outbox.ts';
import type { OpenedPdf } from '../text/pdfjs.ts';

export type Rotation = 0 | 90 | 180 | 270;
export type ViewerState = 'loading' | 'shown' | 'waiting';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
/** Printed pages are drawn at this resolution: sharp on paper, light enough for a tablet. */
const PRINT_DPI = 150;

/** The file's bytes: from this device when here, else from the server (then kept here). */
async function fileOf(local: LocalDatabase, ref: BlobRef): Promise<Result<Blob, BlobUnavailable>> {
  const cached = await local.blobs.get(ref.sha256);
  if (!cached) return keepBlobFromServer(local, ref, deviceId());
  markBlobUsed(local, ref.sha256);
  return ok(cached.data);
}

/**
 * A document's file shown in the app: a PDF page by page (PDF.js, drawn on a canvas) or an
 * image; zoom, a quarter turn, page n of m. The file comes from this device, else from the
 * server; while it cannot be had (offline, not uploaded yet) it is tried again with backoff and
 * when the network returns. Create it while a component initialises.
 */
export class DocumentViewer {
  state = $state<ViewerState>('loading');
  problem = $state<string | null>(null);
  /** Why the file cannot be shown yet: `offline` is a file not on this device, and no network. */
  unavailable = $state<BlobUnavailable['code'] | null>(null);
  pageCount = $state(0);
  page = $state(1);
  zoomIndex = $state(2);
  rotation = $state<Rotation>(0);
  /** For an image file: its URL. */
  imageUrl = $state<string | null>(null);
  /** Pages drawn for printing (object URLs), while a print is being prepared or shown. */
  printPages = $state<string[]>([]);

  #file: Blob | null = null;
  #pdf = $state.raw<OpenedPdf | null>(null);
  readonly #address: string | undefined = $derived.by(() => this.#ref()?.sha256);
  readonly #ref: () => BlobRef | undefined;

  constructor(local: () => LocalDatabase, ref: () => BlobRef | undefined) {
    this.#ref = ref;
    $effect(() => {
      const address = this.#address;
      const wanted = untrack(() => this.#ref());
      if (!address || !wanted) return;
      return this.#load(untrack(local), wanted);
    });
  }

  get zoom(): number {
    return ZOOMS[this.zoomIndex] ?? 1;
  }
  get isPdf(): boolean {
    return this.#pdf !== null;
  }
  get file(): Blob | null {
    return this.state === 'shown' ? this.#file : null;
  }

  zoomIn(): void {
    this.zoomIndex = Math.min(ZOOMS.length - 1, this.zoomIndex + 1);
  }
  zoomOut(): void {
    this.zoomIndex = Math.max(0, this.zoomIndex - 1);
  }
  rotate(): void {
    this.rotation = ((this.rotation + 90) % 360) as Rotation;
  }
  next(): void {
    this.page = Math.min(this.pageCount, this.page + 1);
  }
  previous(): void {
    this.page = Math.max(1, this.page - 1);
  }

  /**
   * Draws the current page on `canvas`, `width` CSS pixels wide at zoom 1 (fit to the space it
   * has). Reads page, zoom and rotation, so an effect that calls it redraws when they change.
   */
  async draw(canvas: HTMLCanvasElement, width: number): Promise<void> {
    const pdf = this.#pdf;
    const pageNumber = this.page;
    const zoom = this.zoom;
    const rotation = this.rotation;
    if (!pdf || width <= 0) return;
    const page = await pdf.document.getPage(pageNumber);
    try {
      const natural = page.getViewport({ scale: 1, rotation: page.rotate + rotation });
      const scale = (width / natural.width) * zoom;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio, rotation: page.rotate + rotation });
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      canvas.style.width = `${Math.ceil(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.ceil(viewport.height / ratio)}px`;
      const context = canvas.getContext('2d');
      if (!context) return;
      await page.render({ canvasContext: context, viewport, canvas, background: '#ffffff' })
        .promise;
    } finally {
      page.cleanup();
    }
  }

  /** Every page drawn as an image for the browser's print dialog (`printPages`). */
  async preparePrint(): Promise<void> {
    this.clearPrint();
    if (this.imageUrl) {
      this.printPages = [this.imageUrl];
      return;
    }
    const pdf = this.#pdf;
    if (!pdf) return;
    const urls: string[] = [];
    for (let number = 1; number <= pdf.document.numPages; number++) {
      const page = await pdf.document.getPage(number);
      try {
        const viewport = page.getViewport({ scale: PRINT_DPI / 72 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(viewport.width);
        canvas.height = Math.ceil(viewport.height);
        const context = canvas.getContext('2d');
        if (!context) continue;
        await page.render({ canvasContext: context, viewport, canvas, background: '#ffffff' })
          .promise;
        const blob = await new Promise<Blob | null>((resolve) =>
          canvas.toBlob(resolve, 'image/png'),
        );
        if (blob) urls.push(URL.createObjectURL(blob));
      } finally {
        page.cleanup();
      }
    }
    this.printPages = urls;
  }

  clearPrint(): void {
    for (const url of this.printPages) if (url !== this.imageUrl) URL.revokeObjectURL(url);
    this.printPages = [];
  }

  /** Saves the file on this computer under `name` (the browser's download). */
  download(name: string): boolean {
    const file = this.file;
    if (!file) return false;
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  }

  #load(local: LocalDatabase, ref: BlobRef): () => void {
    let ended = false;
    let attempts = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let opened: OpenedPdf | null = null;
    let url: string | null = null;

    const load = async () => {
      clearTimeout(retry);
      const file = await fileOf(local, ref);
      if (ended) return;
      if (!file.ok) {
        this.state = 'waiting';
        this.problem = file.error.message;
        this.unavailable = file.error.code;
        attempts++;
        retry = setTimeout(() => void tryLoad(), retryDelay(attempts, Math.random()));
        return;
      }
      this.#file = file.value;
      if (ref.type === 'application/pdf') {
        const { openPdf } = await import('../text/pdfjs.ts');
        opened = await openPdf(new Uint8Array(await file.value.arrayBuffer()));
        if (ended) return void opened.close();
        this.pageCount = opened.document.numPages;
        this.#pdf = opened;
      } else {
        url = URL.createObjectURL(file.value);
        this.imageUrl = url;
        this.pageCount = 1;
      }
      this.page = 1;
      this.state = 'shown';
      this.problem = null;
      this.unavailable = null;
    };
    const tryLoad = () =>
      load().catch((error: unknown) => {
        console.error('ClinicDesk could not show a document', error);
        if (!ended) {
          this.state = 'waiting';
          this.problem = 'The file could not be opened on this device';
        }
      });
    const onOnline = () => {
      if (this.state === 'waiting') void tryLoad();
    };

    this.state = 'loading';
    this.problem = null;
    this.unavailable = null;
    this.imageUrl = null;
    this.#pdf = null;
    window.addEventListener('online', onOnline);
    void tryLoad();
    return () => {
      ended = true;
      clearTimeout(retry);
      window.removeEventListener('online', onOnline);
      void opened?.close();
      if (url) URL.revokeObjectURL(url);
      this.clearPrint();
      this.#file = null;
    };
  }
}
