import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { SYNC_BASE_PATH, type ApiErrorCode } from '@clinicdesk/shared/sync/protocol.ts';
import type { AppEnv } from './app-env.ts';
import { API_ERROR_STATUS, apiError } from './http/api-error.ts';
import { recognitionScriptSources } from './http/recognition-files.ts';
import { createShellScriptHashes } from './http/shell-script-hashes.ts';
import { createConsoleLogger, type Logger } from './logger.ts';
import { canonicalApiPath } from './middleware/canonical-path.ts';
import { wellFormedQuery } from './middleware/well-formed-query.ts';
import { openToAnyone } from './middleware/permission.ts';
import { createRequireSession } from './middleware/require-session.ts';
import { sameOriginOnly } from './middleware/same-origin.ts';
import {
  AUDIT_BASE_PATH,
  createAuditReportRoutes,
  createAuditUploadRoutes,
} from './routes/audit.routes.ts';
import { createAuthRoutes } from './routes/auth.routes.ts';
import { createChartNumberRoutes } from './routes/chart-numbers.routes.ts';
import { BLOBS_BASE_PATH, createBlobRoutes } from './routes/blobs.routes.ts';
import { createChartRoutes } from './routes/charts.routes.ts';
import { createFilingRoutes } from './routes/filing.routes.ts';
import { createStaticRoutes } from './routes/static.routes.ts';
import { createSyncStreamRoutes, DEFAULT_HEARTBEAT_MS } from './routes/sync-stream.routes.ts';
import { createSyncRoutes } from './routes/sync.routes.ts';
import { createStaffRoutes } from './routes/staff.routes.ts';
import { createAccessChanges } from './services/access-changes.ts';
import { createAuditService } from './services/audit.service.ts';
import { createAuthService } from './services/auth.service.ts';
import { createBlobService } from './services/blob.service.ts';
import { createInProcessChangeBus, type ChangeBus } from './services/change-bus.ts';
import { createDuplicatesService } from './services/duplicates.service.ts';
import { patientPushChecks } from './services/patient-push-checks.ts';
import { visitPushChecks } from './services/visit-push-checks.ts';
import { reannounceFiledUnder } from './services/category-changes.ts';
import { createDispositionService } from './services/disposition.service.ts';
import { filedDocumentPushChecks } from './services/filing-push-checks.ts';
import { createRecordScopes } from './services/record-scopes.ts';
import { createSyncService } from './services/sync.service.ts';
import { createStaffService } from './services/staff.service.ts';
import type { BlobStorage } from './storage/blobs/blob-storage.ts';
import type { Store } from './storage/store.ts';

export type AppDeps = {
  store: Store;
  clock: () => Date;
  randomBytes: (n: number) => Uint8Array;
  /** The built web app (`web/build`); without it only the API is served. */
  staticRoot?: string | undefined;
  /** Send the session cookie only over HTTPS (set when TLS terminates in front of the server). */
  secureCookies: boolean;
  /**
   * A proxy we run sits in front and appends the client's address to X-Forwarded-For; only then
   * is that header believed for the per-address sign-in limit (anyone can send it otherwise).
   */
  trustProxy?: boolean | undefined;
  heartbeatMs?: number | undefined;
  log?: Logger | undefined;
  /** Where uploaded files (photos, scans) are kept; without it `/api/blobs` is not served. */
  blobs?: BlobStorage | undefined;
  /** Announces commits to open streams; in-process unless several instances share a database. */
  bus?: ChangeBus | undefined;
};

/** The whole server as a Hono app; everything it holds is built here, nothing at module level. */
export function createApp(deps: AppDeps) {
  const { store, clock } = deps;
  const log = deps.log ?? createConsoleLogger();
  const bus =
    deps.bus ??
    createInProcessChangeBus((error) =>
      log.error('A change listener failed', { error: String(error) }),
    );
  const audit = createAuditService({ store, clock, randomBytes: deps.randomBytes });
  const auth = createAuthService({ store, clock, randomBytes: deps.randomBytes, audit });
  const duplicates = createDuplicatesService({ store, clock });
  const sync = createSyncService({
    store,
    bus,
    clock,
    // Before the write: no birth date after today, and a chart number names one chart for good.
    beforeWrite: {
      patient: patientPushChecks({ charts: store.charts, clock }),
      visit: visitPushChecks({ store }),
      // A legal hold keeps a document out of the trash (issue 12.7).
      filedDocument: filedDocumentPushChecks({ store, clock }),
    },
    // After the commit: a failure here loses no write, only delays a duplicate's review until
    // the record's next change, so it is logged rather than failing the push.
    afterWrite: {
      patient: (ids) =>
        duplicates
          .afterPatientsWritten(ids)
          .catch((error: unknown) =>
            log.error('Duplicate check after sync failed', { error: String(error) }),
          ),
      // A category's read roles decide who reads what is filed under it: its documents are
      // sent again, so that devices drop what they may no longer read (and receive what they
      // now may). A failure leaves devices with the old scope until the next change: logged
      // as an error, for the operator.
      category: (ids) =>
        reannounceFiledUnder({ store, bus })(ids).catch((error: unknown) =>
          log.error('Re-announcing documents after a category change failed', {
            error: String(error),
          }),
        ),
    },
  });
  const disposition = createDispositionService({ store, bus, clock, blobs: deps.blobs });
  const requireSession = createRequireSession(auth);
  const shellScripts = deps.staticRoot ? createShellScriptHashes(deps.staticRoot) : () => '';

  const access = createAccessChanges();
  const staff = createStaffService({ store, clock, randomBytes: deps.randomBytes, access, audit });

  const app = new Hono<AppEnv>()
    // First of all: an API path in any but its one spelling is refused before routing.
    .use('*', canonicalApiPath)
    .use(
      '*',
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          scriptSrc: [
            "'self'",
            (c) => [shellScripts(), recognitionScriptSources(c.req.path)].filter(Boolean).join(' '),
          ],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          objectSrc: ["'none'"],
        },
        referrerPolicy: 'no-referrer',
        // HSTS only means something over HTTPS; on a plain-HTTP LAN demo it would only confuse.
        strictTransportSecurity: deps.secureCookies,
      }),
    )
    .use('/api/*', async (c, next) => {
      await next();
      // Patient data must never sit in a browser or proxy cache; the device has its own store.
      c.header('Cache-Control', 'no-store');
    })
    .use('/api/*', sameOriginOnly)
    .use('/api/*', wellFormedQuery)
    .get('/api/health', openToAnyone('a load balancer asks whether the server is up'), (c) =>
      c.json({ ok: true as const }, 200),
    )
    .route(
      '/api/auth',
      createAuthRoutes({
        auth,
        requireSession,
        secureCookies: deps.secureCookies,
        trustProxy: deps.trustProxy,
      }),
    )
    // Every path under /api/sync needs a session, including unknown ones, so that nobody
    // signed out can learn which paths exist.
    .use('/api/staff/*', requireSession)
    .use('/api/staff', requireSession)
    .route('/api/staff', createStaffRoutes({ staff }))
    .use('/api/sync/*', requireSession)
    .route(SYNC_BASE_PATH, createSyncRoutes({ sync, store, clock }))
    .route(SYNC_BASE_PATH, createChartNumberRoutes({ store, clock }))
    .route(SYNC_BASE_PATH, createAuditUploadRoutes({ audit, store, clock }))
    .route(
      SYNC_BASE_PATH,
      createSyncStreamRoutes({
        auth,
        bus,
        store,
        clock,
        heartbeatMs: deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
        log,
        access,
      }),
    )
    // Patient services that need the server; like /api/sync, nothing without a session.
    .use('/api/charts/*', requireSession)
    .route('/api/charts', createChartRoutes({ store, clock, duplicates }))
    .use('/api/filing/*', requireSession)
    .route('/api/filing', createFilingRoutes({ store, clock, disposition }))
    .use(`${AUDIT_BASE_PATH}/*`, requireSession)
    .route(AUDIT_BASE_PATH, createAuditReportRoutes({ audit }))
    .route(BLOBS_BASE_PATH, blobRoutes(deps, { store, clock, requireSession }))
    .route('/', staticRoutes(deps.staticRoot, log));

  app.notFound((c) => apiError(c, 'not-found'));
  app.onError((error, c) => {
    const known = error instanceof HTTPException ? codeForStatus(error.status) : undefined;
    if (known) return apiError(c, known);
    // A bug: the details go to the server log, never to the device.
    log.error('Unhandled error', {
      method: c.req.method,
      path: c.req.path,
      error: error.stack ?? String(error),
    });
    return apiError(c, 'internal');
  });
  return app;
}

/**
 * Every route of the server, as the web's typed client (`web/src/lib/api/client.ts`) sees it.
 * Routes join it only by being chained on the one Hono instance above: a route mounted in a
 * statement of its own would still answer but be missing here (`app.routes-typed.test.ts`).
 */
export type AppType = ReturnType<typeof createApp>;

/**
 * `/api/blobs`, when the server has file storage. Without it nothing is mounted there (a request
 * is answered 404, session or not), but the type keeps the routes: the app is built for a server
 * that has them.
 */
function blobRoutes(
  deps: AppDeps,
  served: { store: Store; clock: () => Date; requireSession: MiddlewareHandler<AppEnv> },
) {
  const routes = (storage: BlobStorage) =>
    new Hono<AppEnv>()
      // As under /api/sync: no session, no answer, not even whether a file exists.
      .use('*', served.requireSession)
      .route(
        '/',
        createBlobRoutes({
          blobs: createBlobService({ storage }),
          store: served.store,
          scopes: createRecordScopes(served.store),
          clock: served.clock,
        }),
      );
  return deps.blobs === undefined
    ? (new Hono<AppEnv>() as ReturnType<typeof routes>)
    : routes(deps.blobs);
}

/** The built web app at `/`, when there is one (the API alone otherwise). */
function staticRoutes(root: string | undefined, log: Logger) {
  return root === undefined
    ? (new Hono<AppEnv>() as ReturnType<typeof createStaticRoutes>)
    : createStaticRoutes(root, log);
}

function codeForStatus(status: number): ApiErrorCode | undefined {
  if (status >= 500) return undefined;
  const entry = Object.entries(API_ERROR_STATUS).find(([, mapped]) => mapped === status);
  return entry?.[0] as ApiErrorCode | undefined;
}
