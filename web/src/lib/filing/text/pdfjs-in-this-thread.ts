/**
 * Under Node (unit tests, benchmarks) there is no Web Worker: PDF.js then runs its worker's code
 * in this thread, found as `globalThis.pdfjsWorker`. Never used in the app.
 */
export async function runPdfjsInThisThread(): Promise<void> {
  const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  Object.assign(globalThis, { pdfjsWorker: worker });
}
