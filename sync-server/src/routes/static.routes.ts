import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import type { Logger } from '../logger.ts';
import { openToAnyone } from '../middleware/permission.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The shell, the service worker and the manifest must be revalidated, or an update never lands. */
const REVALIDATE = 'no-cache';
const IMMUTABLE_PREFIX = '/_app/immutable/';

/**
 * Serves the built PWA from `root`. Paths under `/api/` are left to the API. A path with no file
 * gets the app shell (`index.html`), so deep links work; a missing hashed asset is a 404, never
 * the shell, so a stale page fails loudly instead of running HTML as a script.
 */
export function createStaticRoutes(root: string, log: Logger) {
  const serve = serveStatic({ root });
  const files = openToAnyone('the app itself: it must load before anyone signs in');
  return new Hono<AppEnv>().get('*', files, async (c, next) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();

    const file = await serve(c, () => Promise.resolve());
    if (file) {
      file.headers.set('Cache-Control', path.startsWith(IMMUTABLE_PREFIX) ? IMMUTABLE : REVALIDATE);
      return file;
    }
    if (path.startsWith(IMMUTABLE_PREFIX)) return apiError(c, 'not-found');

    const shell = await readFile(join(root, 'index.html')).catch(() => null);
    if (!shell) {
      log.error('The web app is not built: index.html is missing', { root });
      return c.text('ClinicDesk has not been built yet. Run: pnpm build', 404);
    }
    return c.body(shell, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': REVALIDATE,
    });
  });
}
