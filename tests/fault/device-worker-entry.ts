/**
 * The worker's entry (device-thread.ts starts it): turns on Node's on-disk compile cache, then
 * loads the device (device-worker.ts). Each device loads the same few hundred modules in its own
 * thread; from the second load on — the next worker, scenario or run — Node takes their compiled
 * code (and type-stripped source) from the cache instead of compiling them again, which takes a
 * device's start from about a second to a third of one. A dynamic import, because static imports
 * are loaded before this module's body runs. The cache is keyed by each file's content: an edited
 * module is compiled afresh.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./device-worker.ts');
