import { BLOB_MAX_BYTES } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';

/** Enough to recognise a face at the desk; a phone photo shrinks from megabytes to ~100 KB. */
export const PHOTO_MAX_SIDE_PX = 800;
export const PHOTO_JPEG_QUALITY = 0.85;
/** Insurance cards carry small print (member and group numbers, phone numbers for claims). */
export const CARD_MAX_SIDE_PX = 1600;

export type PhotoError = { code: 'not-an-image' | 'too-large'; message: string };

/**
 * The photo as a JPEG at most `maxSide` (800) px on its long side. It is always re-encoded, even when
 * small already: that also drops the camera's metadata (location, device) and turns it the
 * right way up (EXIF orientation), so every device shows the same upright picture.
 */
export async function downscalePhoto(
  file: Blob,
  maxSide = PHOTO_MAX_SIDE_PX,
): Promise<Result<Blob, PhotoError>> {
  if (file.size > BLOB_MAX_BYTES)
    return fail({ code: 'too-large', message: 'The photo is larger than 15 MB' });
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return fail({
      code: 'not-an-image',
      message: 'This file is not a photo this device can read. Choose a JPEG, PNG or WebP image.',
    });
  }
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images');
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    return ok(await canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_JPEG_QUALITY }));
  } finally {
    bitmap.close();
  }
}
