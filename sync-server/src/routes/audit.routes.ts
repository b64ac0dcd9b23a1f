import { Hono } from 'hono';
import {
  AUDIT_PAGE_SIZE_MAX,
  type DeviceAuditEvent,
  deviceAuditUploadSchema,
} from '@clinicdesk/shared/audit/audit-event.ts';
import { UUID_PATTERN } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { takesQuery } from '../http/takes-query.ts';
import { readJson, requireJson } from '../middleware/json-body.ts';
import { requireFeature } from '../middleware/require-feature.ts';
import { syncClient } from '../middleware/sync-client.ts';
import type { AuditFilter, AuditService } from '../services/audit.service.ts';
import type { Store } from '../storage/store.ts';

export const AUDIT_BASE_PATH = '/api/audit/v1';
/** Under the sync API: devices upload with the next sync, with the same protocol headers. */
export const AUDIT_UPLOAD_PATH = '/audit/events';
const AUDIT_UPLOAD_MAX_BYTES = 256 * 1024;

/** `POST /api/sync/v1/audit/events`: views and prints a device recorded. Behind requireSession. */
export function createAuditUploadRoutes(deps: {
  audit: AuditService;
  store: Store;
  clock: () => Date;
}) {
  return new Hono<AppEnv>().post(
    AUDIT_UPLOAD_PATH,
    syncClient('headers', deps),
    requireFeature('audit.upload'),
    requireJson<{ events: DeviceAuditEvent[] }>({ maxBytes: AUDIT_UPLOAD_MAX_BYTES }),
    async (c) => {
      const parsed = deviceAuditUploadSchema.safeParse(await readJson(c.req));
      if (!parsed.success)
        return apiError(c, 'invalid-request', 'Send { "events": [...] } of views and prints');
      const result = await deps.audit.upload(parsed.data.events, {
        user: c.get('session').user,
        deviceId: c.get('deviceId'),
      });
      if (!result.ok) return apiError(c, result.error.code, result.error.message);
      return c.json(result.value, 200);
    },
  );
}

/** `/api/audit/v1`: the office manager's report and its CSV export. Behind requireSession. */
export function createAuditReportRoutes(deps: { audit: AuditService }) {
  return new Hono<AppEnv>()
    .use('*', requireFeature('audit.report'))
    .get('/events', takesQuery<AuditReportPageQuery>(), async (c) => {
      const filter = parseFilter(c.req.query());
      if (!filter.ok) return apiError(c, 'invalid-request', filter.error);
      const page = wholeNumber(c.req.query('page') ?? '1');
      const pageSize = wholeNumber(c.req.query('pageSize') ?? '50');
      if (page === null || page < 1)
        return apiError(c, 'invalid-request', 'page must be 1 or more');
      if (pageSize === null || pageSize < 1 || pageSize > AUDIT_PAGE_SIZE_MAX)
        return apiError(c, 'invalid-request', `pageSize must be 1 to ${AUDIT_PAGE_SIZE_MAX}`);
      return c.json(await deps.audit.report({ ...filter.value, page, pageSize }), 200);
    })
    .get('/events.csv', takesQuery<AuditReportQuery>(), async (c) => {
      const filter = parseFilter(c.req.query());
      if (!filter.ok) return apiError(c, 'invalid-request', filter.error);
      const { csv } = await deps.audit.exportCsv(filter.value, c.get('session').user);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="clinicdesk-audit.csv"');
      return c.body(csv, 200);
    });
}

/** The report's filter as the query names it (each optional; parseFilter checks them). */
type AuditReportQuery = { username?: string; record?: string; from?: string; to?: string };
type AuditReportPageQuery = AuditReportQuery & { page?: string; pageSize?: string };

function parseFilter(query: Record<string, string>): Result<AuditFilter, string> {
  const { username, record, from, to } = query;
  const filter: AuditFilter = {};
  if (username !== undefined && username !== '') {
    if (username.length > 100) return fail('username can be at most 100 characters');
    // Compared with stored usernames, which are NFC.
    filter.username = username.normalize('NFC');
  }
  if (record !== undefined && record !== '') {
    if (!UUID_PATTERN.test(record)) return fail('record must be a record id (a lowercase UUID)');
    filter.recordId = record;
  }
  for (const [key, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value === undefined || value === '') continue;
    const date = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime()))
      return fail(`${key} must be an ISO 8601 UTC time like 2026-03-02T09:00:00.000Z`);
    filter[key] = date;
  }
  if (filter.from && filter.to && filter.from > filter.to) return fail('from must be before to');
  return ok(filter);
}

function wholeNumber(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}
