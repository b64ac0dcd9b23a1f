import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const pageRoot = fileURLToPath(new URL('./page/', import.meta.url));
/** PouchDB's browser build imports Node's `events`; the browser gets the npm package's copy. */
const eventsPolyfill = createRequire(import.meta.url).resolve('events/');

/**
 * Builds the benchmark page: the app's own modules (database, replication, live stream, patient
 * actions, search) bundled for production as the app ships them, plus the raw IndexedDB and
 * PouchDB baselines. Relative asset paths, so the ClinicDesk server and the PouchDB server can
 * both serve it, each from its own origin.
 */
export async function buildBenchPage(outDir: string): Promise<void> {
  await build({
    root: pageRoot,
    base: './',
    logLevel: 'warn',
    mode: 'production',
    configFile: false,
    // One copy of each library, whichever package imports it.
    resolve: { dedupe: ['rxdb', 'rxjs', 'dexie'], alias: { events: eventsPolyfill } },
    define: { global: 'globalThis' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
    },
  });
}
