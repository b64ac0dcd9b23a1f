import {
  AUDIT_TRAIL_COLLECTION,
  deviceTimeProblem,
  type AuditAction,
  type AuditReportPage,
  type DeviceAuditEvent,
} from '@clinicdesk/shared/audit/audit-event.ts';
import { AUDIT_CSV_HEADER, auditCsvRow, csvLine } from '@clinicdesk/shared/audit/audit-csv.ts';
import { canRead } from '@clinicdesk/shared/auth/permissions.ts';
import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { AuditQuery, Store } from '../storage/store.ts';

/** An event only the server saw (sign-ins, exports); the server's clock and a fresh id. */
export type ServerAuditEvent = {
  action: AuditAction;
  userId: string | null;
  username: string | null;
  deviceId: string | null;
  collection?: string | undefined;
  recordId?: string | undefined;
  detail?: string | undefined;
};

export type AuditRecorder = { record(event: ServerAuditEvent): Promise<void> };

/** Exports stop here; a longer period is exported in parts (the report says how many matched). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const EXPORT_BATCH = 1000;

export type AuditUploadRefusal = { code: 'forbidden' | 'invalid-request'; message: string };

export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize' | 'upToPosition'>;

export type AuditService = AuditRecorder & {
  /** Views and prints a device recorded (often offline); only the signed-in user's own. */
  upload(
    events: DeviceAuditEvent[],
    uploader: { user: SessionUser; deviceId: string },
  ): Promise<Result<{ recorded: number }, AuditUploadRefusal>>;
  report(query: AuditQuery): Promise<AuditReportPage>;
  /** The matching entries as CSV, oldest first; the export is itself recorded. */
  exportCsv(filter: AuditFilter, by: SessionUser): Promise<{ csv: string; rows: number }>;
};

export function createAuditService(deps: {
  store: Store;
  clock: () => Date;
  randomBytes: (n: number) => Uint8Array;
}): AuditService {
  const { store, clock } = deps;
  const eventId = () => uuidv7(clock().getTime(), deps.randomBytes(10));

  async function record(event: ServerAuditEvent): Promise<void> {
    await store.appendAuditEvents([
      {
        eventId: eventId(),
        action: event.action,
        userId: event.userId,
        username: event.username,
        deviceId: event.deviceId,
        deviceTime: null,
        serverTime: clock(),
        collection: event.collection ?? null,
        recordId: event.recordId ?? null,
        detail: event.detail ?? null,
      },
    ]);
  }

  return {
    record,

    async upload(events, { user, deviceId }) {
      // A device uploads only what its signed-in user did; another person's views wait on the
      // device until that person signs in there again. Anything else is a forged upload.
      if (events.some((event) => event.userId !== user.id))
        return fail({
          code: 'forbidden' as const,
          message: 'Audit events can only be uploaded by the person they are about',
        });
      // A view or print of records the role may not read did not happen through this app; an
      // entry saying it did would put a false access on the trail (ADR 8, ADR 11).
      if (events.some((event) => !canRead(user.role, event.collection)))
        return fail({
          code: 'forbidden' as const,
          message: 'Your role does not give access to these records',
        });
      const serverTime = clock();
      // A time far ahead of the server's is a wrong device clock; the trail keeps no such time.
      const problem = events
        .map((event) => deviceTimeProblem(event.deviceTime, serverTime))
        .find((found) => found !== null);
      if (problem) return fail({ code: 'invalid-request' as const, message: problem });
      return ok(
        await store.appendAuditEvents(
          events.map((event) => ({
            eventId: event.eventId,
            action: event.action,
            userId: user.id,
            username: user.username,
            deviceId,
            deviceTime: new Date(event.deviceTime).toISOString(),
            serverTime,
            collection: event.collection,
            recordId: event.recordId,
            detail: null,
          })),
        ),
      );
    },

    async report(query) {
      const { entries, total } = await store.auditReport(query);
      return { entries, total, page: query.page, pageSize: query.pageSize };
    },

    async exportCsv(filter, by) {
      let csv = csvLine(AUDIT_CSV_HEADER);
      // Pages are counted from the newest entry; fixing the end keeps them still while staff
      // keep working (and appending) during the export.
      const fixed = { ...filter, upToPosition: (await store.auditChainHead()).position };
      const { total } = await store.auditReport({ ...fixed, page: 1, pageSize: 1 });
      const rows = Math.min(total, AUDIT_EXPORT_MAX_ROWS);
      const pages = Math.ceil(rows / EXPORT_BATCH);
      const lines: string[] = [];
      for (let page = pages; page >= 1; page--) {
        const { entries } = await store.auditReport({ ...fixed, page, pageSize: EXPORT_BATCH });
        for (const entry of entries.reverse()) lines.push(auditCsvRow(entry));
      }
      csv += lines.slice(-rows).join('');
      await record({
        action: 'export',
        userId: by.id,
        username: by.username,
        deviceId: null,
        collection: AUDIT_TRAIL_COLLECTION,
        detail: describeFilter(filter, rows),
      });
      return { csv, rows };
    },
  };
}

/** What was exported, by filter (ids and dates only, never patient data). */
function describeFilter(filter: AuditFilter, rows: number): string {
  const parts = [`rows=${rows}`];
  if (filter.userId !== undefined) parts.push(`user=${filter.userId}`);
  if (filter.username !== undefined) parts.push(`username=${filter.username}`);
  if (filter.recordId !== undefined) parts.push(`record=${filter.recordId}`);
  if (filter.from !== undefined) parts.push(`from=${filter.from.toISOString()}`);
  if (filter.to !== undefined) parts.push(`to=${filter.to.toISOString()}`);
  return parts.join(' ');
}
