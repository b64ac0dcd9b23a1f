/**
 * Which way up a JPEG is meant to be seen. A phone stores a photo as its sensor read it and
 * writes the turn in the EXIF Orientation tag (0x0112): 1 as stored, 3 upside down, 6 and 8 a
 * quarter turn, 2, 4, 5 and 7 the same mirrored. Browsers honour it; a PDF does not, so a photo
 * ID placed as stored would reach the recipient sideways. Returns 1 when the file says nothing.
 */
const ORIENTATIONS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export function jpegOrientation(bytes: Uint8Array): Orientation {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2; // after SOI
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    const length = view.getUint16(at + 2);
    // EXIF lives in an APP1 segment before the image data; past the frame header it is too late.
    if (marker === 0xda || marker === 0xc0 || marker === 0xc2) return 1;
    if (marker === 0xe1 && at + 4 + length - 2 <= bytes.length) {
      const orientation = exifOrientation(view, at + 4, length - 2);
      if (orientation) return orientation;
    }
    at += 2 + length;
  }
  return 1;
}

function exifOrientation(view: DataView, start: number, length: number): Orientation | null {
  const ascii = (offset: number, count: number) =>
    String.fromCharCode(...Array.from({ length: count }, (_, i) => view.getUint8(offset + i)));
  if (length < 14 || ascii(start, 6) !== 'Exif\0\0') return null;
  const tiff = start + 6;
  const order = ascii(tiff, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const end = start + length;
  const u16 = (offset: number) => (offset + 2 <= end ? view.getUint16(offset, little) : 0);
  const u32 = (offset: number) => (offset + 4 <= end ? view.getUint32(offset, little) : 0);
  const ifd = tiff + u32(tiff + 4);
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return ORIENTATIONS.find((orientation) => orientation === value) ?? null;
    }
  }
  return null;
}
