/**
 * The pages of a capture before they become one PDF: what the desk reorders, turns and drops.
 * Pure functions over a readonly list; every change returns a new list (the runes class holds it).
 */

/** Quarter turns clockwise, as staff press "Rotate". */
export type Rotation = 0 | 90 | 180 | 270;

/**
 * What a page's bytes are: an image pdf-lib can embed (a WebP is converted when it is added,
 * prepare-image.ts), or a picked PDF.
 */
export type CaptureSourceType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** One page of the capture. */
export type CapturePage = {
  /** Stable across reordering and rotating, so a thumbnail keeps its key. */
  readonly id: string;
  /**
   * The bytes the page comes from: an image (already upright and downscaled, see
   * prepare-image.ts), or the whole picked PDF when the page is one of its pages.
   */
  readonly source: Blob;
  readonly type: CaptureSourceType;
  /** For a page of a picked PDF: which one (0-based). */
  readonly pdfPageIndex?: number;
  /** Pixels for an image, PDF points for a page of a PDF; as it came, before `rotation`. */
  readonly width: number;
  readonly height: number;
  /** How far staff turned it, on top of how it came (a PDF page's own rotation included). */
  readonly rotation: Rotation;
};

/** The page's size as it will show, after its rotation. */
export function shownSize(page: Pick<CapturePage, 'width' | 'height' | 'rotation'>): {
  width: number;
  height: number;
} {
  const sideways = page.rotation === 90 || page.rotation === 270;
  return sideways
    ? { width: page.height, height: page.width }
    : { width: page.width, height: page.height };
}

/** A quarter turn clockwise; four turns come back to the start. */
export function nextRotation(rotation: Rotation): Rotation {
  return NEXT_ROTATION[rotation];
}

const NEXT_ROTATION = { 0: 90, 90: 180, 180: 270, 270: 0 } as const satisfies Record<
  Rotation,
  Rotation
>;

/**
 * The list with page `id` moved to `toIndex` (clamped to the list, so "to the end" may pass
 * any large number). An unknown id leaves the list as it was.
 */
export function movePage(
  pages: readonly CapturePage[],
  id: string,
  toIndex: number,
): CapturePage[] {
  const from = pages.findIndex((page) => page.id === id);
  if (from === -1) return [...pages];
  const target = Math.max(0, Math.min(pages.length - 1, Math.trunc(toIndex)));
  const rest = pages.filter((_, index) => index !== from);
  rest.splice(target, 0, pages[from]!);
  return rest;
}

/** The list with page `id` turned a quarter clockwise. */
export function rotatePage(pages: readonly CapturePage[], id: string): CapturePage[] {
  return pages.map((page) =>
    page.id === id ? { ...page, rotation: nextRotation(page.rotation) } : page,
  );
}

/** The list without page `id`. */
export function removePage(pages: readonly CapturePage[], id: string): CapturePage[] {
  return pages.filter((page) => page.id !== id);
}
