import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { ocrAssets } from './src/lib/filing/text/ocr-assets.vite.ts';

/**
 * Writes the Workbox service worker after the static adapter has written `build/`. Kit 3 runs the
 * adapter in a `buildApp` post hook, so this plugin, listed after sveltekit(), runs after it
 * (@vite-pwa/sveltekit does not support Kit 3: see docs/adr/0002-service-worker.md).
 *
 * The worker precaches the app shell only. API responses are never cached: RxDB is the data
 * cache. `skipWaiting` stays off so a new version waits until staff accept the update prompt.
 */
function workboxServiceWorker(outDir = 'build'): Plugin {
  return {
    name: 'clinicdesk-workbox',
    apply: 'build',
    buildApp: {
      order: 'post',
      async handler() {
        const { generateSW } = await import('workbox-build');
        const { count, size, warnings } = await generateSW({
          globDirectory: outDir,
          // .mjs: PDF.js's worker; /ocr/: text recognition's engine and English (ocr-assets.ts).
          globPatterns: [
            '**/*.{js,mjs,css,html,webmanifest,svg,png,ico,woff2}',
            'ocr/**/*.{wasm,gz}',
          ],
          // The recognition engine (2.8 MB) and its language data (2.9 MB) work offline too.
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          globIgnores: ['sw.js', 'workbox-*.js'],
          swDest: `${outDir}/sw.js`,
          navigateFallback: '/index.html',
          navigateFallbackDenylist: [/^\/api\//],
          dontCacheBustURLsMatching: /\/_app\/immutable\//,
          clientsClaim: true,
          skipWaiting: false,
          cleanupOutdatedCaches: true,
          sourcemap: false,
          inlineWorkboxRuntime: true,
        });
        for (const warning of warnings) console.warn(`workbox: ${warning}`);
        console.log(`workbox: precached ${count} files, ${(size / 1024).toFixed(0)} KiB`);
      },
    },
  };
}

/**
 * No CDN address in the app: tesseract.js's browser defaults name a worker on jsDelivr, which
 * ClinicDesk never uses (it passes its own, served from the app's origin) but which would ship in
 * the bundle. Its `./defaultOptions` becomes a copy without that address.
 */
function noTesseractCdn(): Plugin {
  const shim = fileURLToPath(
    new URL('./build-shims/tesseract-browser-defaults.cjs', import.meta.url),
  );
  return {
    name: 'clinicdesk-no-tesseract-cdn',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromTesseract = importer?.replaceAll('\\', '/').endsWith('tesseract.js/src/worker/browser/index.js'); // prettier-ignore
      return source === './defaultOptions' && fromTesseract ? shim : null;
    },
  };
}

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter({ fallback: 'index.html', strict: true }),
      serviceWorker: { register: false },
      csp: { mode: 'hash', directives: { 'script-src': ['self'] } },
    }),
    ocrAssets(),
    noTesseractCdn(),
    workboxServiceWorker(),
  ],
  resolve: {
    // rxjs's ES2015 build instead of its default ES5 one (no tslib helpers, smaller classes):
    // every browser ClinicDesk supports runs ES2015, and it is on the first screen (#6).
    conditions: [...defaultClientConditions, 'es2015'],
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
