import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { qrPath } from './qr-path.ts';

describe('a QR code as an SVG path', () => {
  const uri =
    'otpauth://totp/ClinicDesk:mo?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ClinicDesk';

  it('draws exactly the dark modules of the encoded text, with a quiet zone', () => {
    const { size, d } = qrPath(uri);
    const { data } = encode(uri, { ecc: 'M', border: 4 });
    const drawn = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
    for (const [, x, y, width] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g))
      for (let n = 0; n < Number(width); n++) drawn[Number(y)]![Number(x) + n] = true;
    expect(drawn).toEqual(data);
    // Four light modules on every side.
    expect(data.slice(0, 4).flat().some(Boolean)).toBe(false);
    expect(
      data
        .map((row) => row.slice(0, 4))
        .flat()
        .some(Boolean),
    ).toBe(false);
  });
});
