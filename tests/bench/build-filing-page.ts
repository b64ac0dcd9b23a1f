import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { copyOcrAssets } from '../../web/src/lib/filing/text/ocr-assets.vite.ts';

const pageRoot = fileURLToPath(new URL('./filing-page/', import.meta.url));
const fixtures = fileURLToPath(new URL('../../web/src/lib/filing/text/fixtures/', import.meta.url));

/**
 * Builds the filing benchmark page: the app's capture and recognition modules bundled for
 * production, text recognition's files at the paths the app serves them from (/ocr/), and the
 * synthetic scan it reads.
 */
export async function buildFilingBenchPage(outDir: string): Promise<void> {
  await build({
    root: pageRoot,
    base: '/',
    logLevel: 'warn',
    mode: 'production',
    configFile: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
    },
  });
  await copyOcrAssets(outDir);
  copyFileSync(join(fixtures, 'scanned-page.png'), join(outDir, 'scanned-page.png'));
}
