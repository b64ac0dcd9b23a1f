/**
 * Every route the server answers is in `AppType`, the type the web's client (`hc<AppType>`) is
 * made from (issue 11, point 8). A route mounted outside the one chain in `createApp` still
 * answers, but the client cannot see it; this walks every route registered on the app and
 * compares it with the routes the type holds.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractSchema } from 'hono/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppType } from './app.ts';
import { openFsBlobStorage } from './storage/blobs/fs-blob-storage.ts';
import { createTempDir, createTestServer, type TestServer } from './test-support.ts';

type Schema = ExtractSchema<AppType>;
type MethodOf<Key> = Key extends `$${infer Method}` ? Uppercase<Method> : never;
/**
 * `GET /api/health`, … : each route of the type, as the app's route list spells it (where the
 * type's `*` under `/` is `/*`).
 */
type TypedRoute = {
  [
    Path in keyof Schema & string
  ]: `${MethodOf<keyof Schema[Path]>} ${Path extends '*' ? '/*' : Path}`;
}[keyof Schema & string];

/**
 * The type's routes, written out. The compiler holds this list to the type both ways: a route
 * the type has and the list lacks is a missing property, one the type lacks is an unknown one.
 * So a route that answers but is missing here (the test below) cannot be added to the list
 * without being added to the type.
 */
const TYPED_ROUTES = {
  'GET /api/health': true,
  'POST /api/auth/login': true,
  'POST /api/auth/logout': true,
  'GET /api/auth/session': true,
  'POST /api/auth/second-factor/code': true,
  'POST /api/auth/second-factor/enrolment': true,
  'POST /api/auth/second-factor/cancel': true,
  'POST /api/auth/second-factor/enrolment/confirm': true,
  'GET /api/staff': true,
  'POST /api/staff': true,
  'PATCH /api/staff/:id': true,
  'POST /api/staff/:id/password': true,
  'POST /api/staff/:id/second-factor/reset': true,
  'POST /api/staff/:id/unlock': true,
  'POST /api/sync/v1/devices/report': true,
  'GET /api/sync/v1/devices': true,
  'PUT /api/sync/v1/devices/:deviceId/name': true,
  'POST /api/sync/v1/devices/:deviceId/retire': true,
  'GET /api/sync/v1/:collection/pull': true,
  'POST /api/sync/v1/:collection/push': true,
  'POST /api/sync/v1/chart-numbers': true,
  'POST /api/sync/v1/audit/events': true,
  'GET /api/sync/v1/stream': true,
  'GET /api/charts/duplicates': true,
  'POST /api/charts/duplicates/dismiss': true,
  'GET /api/charts/:id/history': true,
  'GET /api/filing/disposition': true,
  'POST /api/filing/documents/:id/destroy': true,
  'GET /api/audit/v1/events': true,
  'GET /api/audit/v1/events.csv': true,
  'GET /api/blobs/:sha256': true,
  'PUT /api/blobs/:sha256': true,
  'GET /*': true,
} as const satisfies Record<TypedRoute, true>;

let server: TestServer;
let files: Awaited<ReturnType<typeof createTempDir>>;
beforeAll(async () => {
  files = await createTempDir();
  await writeFile(join(files.path, 'index.html'), '<!doctype html><title>ClinicDesk</title>');
  // With every optional part (file storage, the built app), so that every route is mounted.
  server = await createTestServer({
    blobs: await openFsBlobStorage(join(files.path, 'blobs')),
    staticRoot: files.path,
  });
});
afterAll(async () => {
  await server.close();
  await files.remove();
});

/** Every endpoint registered on the app (middleware, method ALL, left out), once each. */
function registeredRoutes(): string[] {
  const routes = server.app.routes as { method: string; path: string }[];
  return [...new Set(routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}

describe('AppType holds every route of the server', () => {
  it('lists every registered route in the type, and nothing the server does not answer', () => {
    expect(registeredRoutes().sort()).toEqual(Object.keys(TYPED_ROUTES).sort());
  });
});
