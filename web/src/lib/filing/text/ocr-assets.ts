/**
 * The files text recognition needs, installed through npm and served from the app's own origin
 * (never a CDN): copied into the build under /ocr/ by ocr-assets.vite.ts, precached by the
 * service worker, so recognition works with the network off once the app is installed.
 *
 * The package versions are part of each path: a new version is a new URL, so a file under /ocr/
 * never changes and the build refuses to run when node_modules holds other versions.
 */
export const OCR_PACKAGES = {
  'tesseract.js': '7.0.0',
  'tesseract.js-core': '7.0.0',
  '@tesseract.js-data/eng': '1.0.0',
} as const;

const ENGINE_DIR = `ocr/tesseract.js-${OCR_PACKAGES['tesseract.js']}-core-${OCR_PACKAGES['tesseract.js-core']}`;
const ENGLISH_DIR = `ocr/eng-${OCR_PACKAGES['@tesseract.js-data/eng']}`;

/**
 * Each file's place in the build and the npm file it is. The worker and the engine share a folder:
 * the engine finds its .wasm beside the worker's script. One engine only, wasm SIMD with the LSTM
 * recogniser (every browser ClinicDesk supports has SIMD): 2.8 MB instead of 11 MB for all four.
 * English: the "best_int" LSTM model (2.9 MB gzipped), what tesseract.js picks for LSTM-only.
 */
export const OCR_FILES = [
  { path: `${ENGINE_DIR}/worker.min.js`, from: 'tesseract.js/dist/worker.min.js' },
  {
    path: `${ENGINE_DIR}/tesseract-core-simd-lstm.js`,
    from: 'tesseract.js-core/tesseract-core-simd-lstm.js',
  },
  {
    path: `${ENGINE_DIR}/tesseract-core-simd-lstm.wasm`,
    from: 'tesseract.js-core/tesseract-core-simd-lstm.wasm',
  },
  {
    path: `${ENGLISH_DIR}/eng.traineddata.gz`,
    from: '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
  },
] as const;

/**
 * Where tesseract.js finds its worker, engine and language data. In the app, URLs on this origin
 * (BROWSER_OCR_ASSETS); under Node, the language folder only (tesseract.js runs its own worker
 * script and engine from node_modules there).
 */
export type RecognitionAssets = { workerPath?: string; corePath?: string; langPath: string };

export const BROWSER_OCR_ASSETS: RecognitionAssets = {
  workerPath: `/${OCR_FILES[0].path}`,
  corePath: `/${OCR_FILES[1].path}`,
  langPath: `/${ENGLISH_DIR}`,
};
