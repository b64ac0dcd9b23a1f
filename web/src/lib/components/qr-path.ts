import { encode } from 'uqr';

/** A QR code as one SVG path: the dark modules in rows, on a grid of `size` × `size`. */
export type QrPath = { size: number; d: string };

/**
 * Encodes `text` (error correction M, the 4-module quiet zone scanners expect) and draws each
 * run of dark modules in a row as one rectangle, so the SVG stays small and needs no script.
 */
export function qrPath(text: string): QrPath {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const parts: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
    }
  });
  return { size, d: parts.join('') };
}
