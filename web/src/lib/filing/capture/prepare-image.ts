import { ok, type Result } from '@clinicdesk/shared/result.ts';
import { downscalePhoto, type PhotoError } from '../../blobs/downscale-photo.ts';

/**
 * A page photographed or scanned at the desk keeps at most 2200 px on its long side: 200 DPI
 * over a letter page's 11 inches, which text recognition reads well, and about 0.5 MB as JPEG,
 * so a capture of many pages stays far under the 15 MiB a blob may be.
 */
export const SCAN_MAX_SIDE_PX = 2200;

/** An image ready to be a PDF page: JPEG, upright, without the camera's metadata. */
export type PreparedImage = { blob: Blob; type: 'image/jpeg'; width: number; height: number };

/**
 * A camera shot or picked image (JPEG, PNG or WebP) as a PDF page needs it. Browser only
 * (createImageBitmap, OffscreenCanvas): it goes through downscalePhoto, which turns it upright
 * by its EXIF orientation, drops location and device, and re-encodes it as JPEG, the one of
 * pdf-lib's two formats that suits photos (WebP it cannot embed at all).
 */
export async function prepareImage(file: Blob): Promise<Result<PreparedImage, PhotoError>> {
  const scaled = await downscalePhoto(file, SCAN_MAX_SIDE_PX);
  if (!scaled.ok) return scaled;
  const bitmap = await createImageBitmap(scaled.value);
  try {
    return ok({
      blob: scaled.value,
      type: 'image/jpeg',
      width: bitmap.width,
      height: bitmap.height,
    });
  } finally {
    bitmap.close();
  }
}

/** prepareImage's shape, so a capture session can be given another (tests under Node). */
export type PrepareImage = (file: Blob) => Promise<Result<PreparedImage, PhotoError>>;
