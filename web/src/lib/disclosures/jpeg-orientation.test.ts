import { describe, expect, it } from 'vitest';
import { SYNTHETIC_JPEG, withExifOrientation } from './fixtures/synthetic-documents.ts';
import { jpegOrientation } from './jpeg-orientation.ts';

describe('jpegOrientation', () => {
  it('reads the turn a phone wrote in the EXIF Orientation tag, in either byte order', () => {
    expect(jpegOrientation(withExifOrientation(SYNTHETIC_JPEG, 6, 'MM'))).toBe(6);
    expect(jpegOrientation(withExifOrientation(SYNTHETIC_JPEG, 8, 'II'))).toBe(8);
    expect(jpegOrientation(withExifOrientation(SYNTHETIC_JPEG, 3))).toBe(3);
  });

  it('takes a photo as stored when it says nothing, or nothing that makes sense', () => {
    expect(jpegOrientation(SYNTHETIC_JPEG)).toBe(1);
    expect(jpegOrientation(withExifOrientation(SYNTHETIC_JPEG, 9))).toBe(1);
    expect(jpegOrientation(SYNTHETIC_JPEG.subarray(0, 40))).toBe(1);
  });
});
