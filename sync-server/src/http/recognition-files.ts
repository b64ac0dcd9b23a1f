/** Where the web app serves text recognition's files (web/src/lib/filing/text/ocr-assets.ts). */
export const RECOGNITION_FILES_PREFIX = '/ocr/';

/**
 * Text recognition's engine is WebAssembly, compiled in its Web Worker. A worker's CSP is the one
 * sent with its script, so only the files under /ocr/ may compile WebAssembly
 * (`'wasm-unsafe-eval'`: WebAssembly only, never `eval`); every other response keeps
 * `script-src` as strict as before.
 */
export function recognitionScriptSources(path: string): string {
  return path.startsWith(RECOGNITION_FILES_PREFIX) ? "'wasm-unsafe-eval'" : '';
}
