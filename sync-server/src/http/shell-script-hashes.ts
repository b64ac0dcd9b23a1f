import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INLINE_SCRIPT = /<script(?![^>]*\ssrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * CSP sources (`'sha256-…'`) for the inline scripts of the app shell. SvelteKit's built
 * `index.html` starts the app with one inline script; allowing exactly that script by its hash
 * keeps `script-src 'self'` strict otherwise. Re-read when the file changes (a new build).
 */
export function createShellScriptHashes(staticRoot: string): () => string {
  const file = join(staticRoot, 'index.html');
  let seen = '';
  let sources = '';
  return () => {
    let version: string;
    try {
      const stats = statSync(file);
      version = `${stats.mtimeMs}:${stats.size}`;
    } catch {
      return '';
    }
    if (version !== seen) {
      seen = version;
      sources = [...readFileSync(file, 'utf8').matchAll(INLINE_SCRIPT)]
        .map(
          ([, script]) =>
            `'sha256-${createHash('sha256')
              .update(script ?? '')
              .digest('base64')}'`,
        )
        .join(' ');
    }
    return sources;
  };
}
