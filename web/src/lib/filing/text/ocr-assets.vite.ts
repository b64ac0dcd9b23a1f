import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { OCR_FILES, OCR_PACKAGES } from './ocr-assets.ts';

const require = createRequire(import.meta.url);

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript',
  wasm: 'application/wasm',
  gz: 'application/gzip',
};

/**
 * Serves text recognition's files (ocr-assets.ts) from the app's own origin: copied from
 * node_modules into `build/` after SvelteKit's adapter has written it (listed after sveltekit()
 * and before the service worker, which then precaches them), and served by the dev server.
 * Refuses to build when node_modules holds other versions than the paths name.
 */
export function ocrAssets(outDir = 'build'): Plugin {
  return {
    name: 'clinicdesk-ocr-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const file = OCR_FILES.find((f) => request.url === `/${f.path}`);
        if (!file) return next();
        const extension = file.path.slice(file.path.lastIndexOf('.') + 1);
        response.setHeader('Content-Type', CONTENT_TYPES[extension] ?? 'application/octet-stream');
        createReadStream(require.resolve(file.from)).pipe(response);
      });
    },
    buildApp: {
      order: 'post',
      handler: () => copyOcrAssets(outDir),
    },
  };
}

/** An absolute address of a package on a CDN (`https://<host>/npm/<package>…`). */
export const PACKAGE_CDN_ADDRESS = /https?:\/\/[a-z0-9.-]+\/npm\//gi;

/** Copies the files into `outDir` at their paths (also used by the benchmark's page). */
export async function copyOcrAssets(outDir: string): Promise<void> {
  await checkVersions();
  for (const file of OCR_FILES) {
    const target = join(outDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    const source = require.resolve(file.from);
    if (file.path.endsWith('worker.min.js')) {
      // The worker's defaults name a package CDN for the engine and the language data; ClinicDesk
      // always passes its own paths, so every such address goes, and no CDN is named in what it
      // serves (whichever host a later tesseract.js release picks).
      const script = await readFile(source, 'utf8');
      await writeFile(target, script.replace(PACKAGE_CDN_ADDRESS, '/ocr/unused/'));
    } else await copyFile(source, target);
  }
}

async function checkVersions(): Promise<void> {
  for (const [name, expected] of Object.entries(OCR_PACKAGES)) {
    const manifest: unknown = JSON.parse(
      await readFile(require.resolve(`${name}/package.json`), 'utf8'),
    );
    const installed =
      typeof manifest === 'object' && manifest !== null && 'version' in manifest
        ? manifest.version
        : null;
    if (installed !== expected)
      throw new Error(
        `${name} ${String(installed)} is installed but ocr-assets.ts names ${expected}: update OCR_PACKAGES (its paths are the files' cache keys)`,
      );
  }
}
