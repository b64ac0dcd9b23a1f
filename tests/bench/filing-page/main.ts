import { PDFDocument } from 'pdf-lib';
import { sha256Hex } from '../../../web/src/lib/filing/capture/checksum.ts';
import { partsToPdf } from '../../../web/src/lib/filing/capture/images-to-pdf.ts';
import { prepareImage } from '../../../web/src/lib/filing/capture/prepare-image.ts';
import { TextRecogniser } from '../../../web/src/lib/filing/text/recognise.ts';
import type { FilingBenchApi } from './filing-bench-api.ts';

const now = () => performance.now();

async function recognise({ imageUrl, rounds }: { imageUrl: string; rounds: number }) {
  const image = await (await fetch(imageUrl)).blob();
  const recogniser = new TextRecogniser();
  try {
    let started = now();
    const first = await recogniser.recogniseImage(image);
    const coldMs = now() - started;
    if (!first.ok) throw new Error(first.error.message);
    const warmMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      started = now();
      const again = await recogniser.recogniseImage(image);
      warmMs.push(now() - started);
      if (!again.ok) throw new Error(again.error.message);
    }
    const page = first.value.pages[0];
    return { coldMs, warmMs, text: page?.text ?? '', confidence: first.value.meanConfidence };
  } finally {
    await recogniser.dispose();
  }
}

/** A phone photo of a typed page: 4032×3024, words on uneven grey with sensor noise. */
async function phonePhoto(seed: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(3024, 4032);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  const light = context.createLinearGradient(0, 0, 3024, 4032);
  light.addColorStop(0, '#ece8df');
  light.addColorStop(1, '#c4bfb5');
  context.fillStyle = light;
  context.fillRect(0, 0, 3024, 4032);
  context.fillStyle = '#161616';
  context.font = '64px sans-serif';
  for (let line = 0; line < 40; line++)
    context.fillText(
      `Synthetic line ${line} of page ${seed}: lantern meadow quartz`,
      200,
      300 + line * 90,
    );
  const image = context.getImageData(0, 0, 3024, 4032);
  let state = seed;
  for (let i = 0; i < image.data.length; i += 4) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const n = ((state >> 16) % 13) - 6;
    image.data[i] = image.data[i]! + n;
    image.data[i + 1] = image.data[i + 1]! + n;
    image.data[i + 2] = image.data[i + 2]! + n;
  }
  context.putImageData(image, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
}

async function threeShots({ rounds }: { rounds: number }) {
  const photos = await Promise.all([1, 2, 3].map(phonePhoto));
  const photoBytes = await Promise.all(
    photos.map(async (p) => new Uint8Array(await p.arrayBuffer())),
  );
  const appMs: number[] = [];
  const rawMs: number[] = [];
  let appBytes = 0;
  let rawBytes = 0;
  const metadata = { title: 'Benchmark capture', createdAt: new Date('2026-03-02T09:00:00Z') };
  for (let round = 0; round < rounds; round++) {
    let started = now();
    const parts = [];
    for (const photo of photos) {
      const prepared = await prepareImage(photo);
      if (!prepared.ok) throw new Error(prepared.error.message);
      parts.push({
        bytes: new Uint8Array(await prepared.value.blob.arrayBuffer()),
        type: prepared.value.type,
        rotation: 0 as const,
      });
    }
    const pdf = await partsToPdf(parts, metadata);
    if (!pdf.ok) throw new Error(pdf.error.message);
    await sha256Hex(new Uint8Array(pdf.value));
    appMs.push(now() - started);
    appBytes = pdf.value.byteLength;

    started = now();
    const raw = await PDFDocument.create();
    for (const bytes of photoBytes) {
      const image = await raw.embedJpg(bytes);
      raw.addPage([image.width, image.height]).drawImage(image, { x: 0, y: 0 });
    }
    rawBytes = (await raw.save()).byteLength;
    rawMs.push(now() - started);
  }
  return {
    appMs,
    rawMs,
    appBytes,
    rawBytes,
    photoBytes: photoBytes.reduce((s, b) => s + b.byteLength, 0),
  };
}

window.filingBench = { recognise, threeShots } satisfies FilingBenchApi;
