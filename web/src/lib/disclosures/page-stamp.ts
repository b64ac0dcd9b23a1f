import { PDFName, degrees, rgb, type PDFPage } from 'pdf-lib';
import { fitText, widthOf, type TextStyle } from './pdf-layout.ts';

/**
 * The line on top of every released page: who the pages are about and which request released
 * them on the left ("Zoë Ñúñez-Łukasik · Chart 100234-7 · Request ROI-0042"), "Page n of m" on
 * the right. A page that leaves the practice loose still says whose it is and where it belongs.
 */
export type Stamp = { left: string; right: string };

/** Height of the band the stamp is written in, in points (1/72 in). */
export const STAMP_BAND = 22;
const FONT_SIZE = 8;
const MIN_FONT_SIZE = 4;
const PADDING = 12;

type Point = { x: number; y: number };
/** The band as the reader sees it: its top-left corner, and the page's directions "right" and "up". */
type Band = { corner: Point; right: Point; up: Point; width: number; rotation: number };

/**
 * Stamps a page copied from an outside PDF (or any page with no room kept for it): the page
 * grows by a band above what the reader sees as its top — rotation and crop box included — so
 * nothing of the document is covered or shrunk.
 */
export function stampAboveContent(
  page: PDFPage,
  stamp: Stamp,
  style: Omit<TextStyle, 'size'>,
): void {
  const rotation = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  const visible = page.getCropBox();
  const media = page.getMediaBox();
  const grown = { ...visible };
  // The edge of the unrotated page that is on top once the page is turned by `rotation`.
  if (rotation === 90) grown.x -= STAMP_BAND;
  if (rotation === 180) grown.y -= STAMP_BAND;
  if (rotation === 0 || rotation === 180) grown.height += STAMP_BAND;
  else grown.width += STAMP_BAND;
  const left = Math.min(grown.x, media.x);
  const bottom = Math.min(grown.y, media.y);
  const right = Math.max(grown.x + grown.width, media.x + media.width);
  const top = Math.max(grown.y + grown.height, media.y + media.height);
  page.setMediaBox(left, bottom, right - left, top - bottom);
  page.setCropBox(grown.x, grown.y, grown.width, grown.height);
  // Boxes for printers' trimming would cut the band off again; released pages need none.
  for (const box of ['TrimBox', 'BleedBox', 'ArtBox']) page.node.delete(PDFName.of(box));

  const { x, y, width, height } = visible;
  const bands: Record<number, Omit<Band, 'rotation'>> = {
    0: { corner: { x, y: y + height + STAMP_BAND }, right: { x: 1, y: 0 }, up: { x: 0, y: 1 }, width },
    90: { corner: { x: x - STAMP_BAND, y }, right: { x: 0, y: 1 }, up: { x: -1, y: 0 }, width: height },
    180: { corner: { x: x + width, y: y - STAMP_BAND }, right: { x: -1, y: 0 }, up: { x: 0, y: -1 }, width },
    270: { corner: { x: x + width + STAMP_BAND, y: y + height }, right: { x: 0, y: -1 }, up: { x: 1, y: 0 }, width: height },
  }; // prettier-ignore
  const band = bands[rotation];
  if (band) drawStamp(page, { ...band, rotation }, stamp, style, true);
}

/** Stamps a page ClinicDesk laid out itself, unrotated, that keeps its top STAMP_BAND free. */
export function stampInTopMargin(
  page: PDFPage,
  stamp: Stamp,
  style: Omit<TextStyle, 'size'>,
): void {
  const { x, y, width, height } = page.getCropBox();
  const band = { corner: { x, y: y + height }, right: { x: 1, y: 0 }, up: { x: 0, y: 1 }, width };
  drawStamp(page, { ...band, rotation: 0 }, stamp, style, false);
}

function drawStamp(
  page: PDFPage,
  band: Band,
  stamp: Stamp,
  { font }: Omit<TextStyle, 'size'>,
  paintBand: boolean,
): void {
  const at = (along: number, down: number): Point => ({
    x: band.corner.x + along * band.right.x - down * band.up.x,
    y: band.corner.y + along * band.right.y - down * band.up.y,
  });
  const rotate = degrees(band.rotation);
  if (paintBand) {
    // What a crop box hid before may lie under the band: the band is the stamp's alone.
    const origin = at(0, STAMP_BAND);
    const [w, h] = [band.width, STAMP_BAND];
    page.drawRectangle({ ...origin, width: w, height: h, rotate, color: rgb(1, 1, 1) });
  }
  // Small pages (a receipt, a label) get smaller type rather than a cut-off page number.
  const room = band.width - 2 * PADDING;
  const size = Math.max(MIN_FONT_SIZE, Math.min(FONT_SIZE, (FONT_SIZE * room) / 200));
  const style = { font, size };
  const right = fitText(stamp.right, style, room);
  const rightWidth = widthOf(right, style);
  const left = fitText(stamp.left, style, Math.max(0, room - rightWidth - PADDING));
  const baseline = (STAMP_BAND + size * 0.7) / 2;
  const grey = rgb(0.2, 0.2, 0.2);
  page.drawText(left, { ...at(PADDING, baseline), ...style, rotate, color: grey });
  const end = band.width - PADDING - rightWidth;
  page.drawText(right, { ...at(end, baseline), ...style, rotate, color: grey });
  const [from, to] = [at(PADDING, STAMP_BAND - 2), at(band.width - PADDING, STAMP_BAND - 2)];
  page.drawLine({ start: from, end: to, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
}
