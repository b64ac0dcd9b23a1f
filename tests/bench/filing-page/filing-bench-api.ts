/** What the filing benchmark page offers to `pnpm bench` (scenarios/filing.ts). */
export type FilingBenchApi = {
  /**
   * Recognises the image at `imageUrl` with the app's TextRecogniser (its worker and files from
   * this origin): once from a stopped worker, then `rounds` times with the worker started.
   */
  recognise(input: { imageUrl: string; rounds: number }): Promise<{
    coldMs: number;
    warmMs: number[];
    text: string;
    confidence: number;
  }>;
  /**
   * Three synthetic phone photos (4032×3024 JPEG, made untimed) to one PDF with its checksum,
   * as the capture does (downscale, PDF, SHA-256); and, interleaved, the same photos embedded as
   * they are with raw pdf-lib.
   */
  threeShots(input: { rounds: number }): Promise<{
    appMs: number[];
    rawMs: number[];
    appBytes: number;
    rawBytes: number;
    photoBytes: number;
  }>;
};

declare global {
  interface Window {
    filingBench: FilingBenchApi;
  }
}
