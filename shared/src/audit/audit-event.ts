import { z } from 'zod';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import { canonicalJson } from '../sync/canonical-json.ts';
import { COLLECTION_NAMES } from '../sync/collection-names.ts';
import { AUDIT_UPLOAD_MAX_EVENTS } from './audit-upload-limit.ts';

/**
 * The audit trail: one append-only, hash-chained entry per view, create, change, delete, export
 * and print of patient data, and per sign-in, sign-out, failed or refused sign-in. An entry names
 * who, from which device, when (device clock and server clock) and which record — never a value
 * from the record (no names, birth dates, phone numbers): the trail is read by people who may
 * not see the chart itself, and is kept longer than some charts.
 */
export const AUDIT_ACTIONS = [
  'view',
  'print',
  'create',
  'change',
  'delete',
  'export',
  'sign-in',
  'sign-out',
  'sign-in-failed',
  'sign-in-refused',
  // Second-factor sign-in (office manager, admin): never the code or the secret, only the fact.
  'second-factor',
  'second-factor-failed',
  'second-factor-enrolled',
  'second-factor-reset',
  // A record destroyed under the retention schedule or emptied from the trash (issue 12.7): the
  // entry names the record, its files' hashes and the rule, and outlives what it destroyed.
  'destroy',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What a device reports itself (it happened on the device, often offline): a view, a print, and
 * an export (a filed document's file downloaded, issue 12.10).
 */
export const DEVICE_AUDIT_ACTIONS = ['view', 'print', 'export'] as const;
export type DeviceAuditAction = (typeof DEVICE_AUDIT_ACTIONS)[number];

/** The collection name audit exports are recorded under (it is not a replicated collection). */
export const AUDIT_TRAIL_COLLECTION = 'audit-events';

/** What changes to staff accounts are recorded under; the record id is the account's id. */
export const STAFF_ACCOUNTS_COLLECTION = 'staff-accounts';

/** The hash the first entry links to. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export { AUDIT_UPLOAD_MAX_EVENTS };

/** One entry as stored: its place in the chain, its facts, the previous entry's hash and its own. */
export type AuditEntry = {
  /** 1, 2, 3, … without gaps: the order of the chain. */
  position: number;
  /** Unique; devices generate it, so that a retried upload never adds an entry twice. */
  eventId: string;
  action: AuditAction;
  userId: string | null;
  /** The staff username at the time (for a failed sign-in: the name that was typed). */
  username: string | null;
  deviceId: string | null;
  /** When the device says it happened (ISO 8601, UTC); null for what only the server saw. */
  deviceTime: string | null;
  /** When the server recorded it (ISO 8601, UTC). */
  serverTime: string;
  collection: string | null;
  recordId: string | null;
  /** A short machine-written note (why a sign-in was refused, how many rows an export had). */
  detail: string | null;
  prevHash: string;
  hash: string;
};

/**
 * The exact text an entry's hash is taken over: every field but the hash itself, in canonical
 * JSON (sorted keys), so any edit, any move to another position and any change of the link to
 * the previous entry changes it.
 */
export function auditChainText(entry: Omit<AuditEntry, 'hash'>): string {
  return canonicalJson({
    position: entry.position,
    eventId: entry.eventId,
    action: entry.action,
    userId: entry.userId,
    username: entry.username,
    deviceId: entry.deviceId,
    deviceTime: entry.deviceTime,
    serverTime: entry.serverTime,
    collection: entry.collection,
    recordId: entry.recordId,
    detail: entry.detail,
    prevHash: entry.prevHash,
  });
}

/** Device times before this are a clock that was never set (1970) or a typo, not an event. */
export const DEVICE_TIME_EARLIEST = '2000-01-01T00:00:00.000Z';
/** How far a device's clock may run ahead of the server's (all times are UTC: no time zones). */
export const DEVICE_CLOCK_AHEAD_MAX_MS = 24 * 60 * 60 * 1000;

/**
 * A device time as the app writes it (`toISOString`: UTC, `Z`). The date must exist in the
 * calendar — `2026-02-30` is refused, not rolled over to March 2 as `Date` would — and be no
 * earlier than DEVICE_TIME_EARLIEST; how far ahead it may be depends on the server's clock
 * (deviceTimeProblem).
 */
const deviceInstant = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: false, message: 'Must be an ISO 8601 UTC date and time' }))
  .refine((value) => Date.parse(value) >= Date.parse(DEVICE_TIME_EARLIEST), {
    message: 'Is before the year 2000: the device clock is not set',
  });

/** Why a device time cannot be when an event happened, judged by the server's clock; or null. */
export function deviceTimeProblem(deviceTime: string, serverTime: Date): string | null {
  if (Date.parse(deviceTime) > serverTime.getTime() + DEVICE_CLOCK_AHEAD_MAX_MS)
    return `The device time ${deviceTime} is in the future: check the device's clock`;
  return null;
}

/** One event a device recorded locally and uploads (`POST /api/sync/v1/audit/events`). */
/** Lower-case letters, digits and hyphens (a UUID, or a policy version's id). */
const RECORD_ID = /^[a-z0-9][a-z0-9-]{0,119}$/;

export const deviceAuditEventSchema = z
  .strictObject({
    eventId: z.string().regex(UUID_PATTERN, 'Must be a lowercase UUID'),
    action: z.enum(DEVICE_AUDIT_ACTIONS),
    /** The signed-in user who viewed or printed; must be the uploading session's user. */
    userId: z.string().min(1).max(100),
    deviceTime: deviceInstant,
    collection: z.enum(COLLECTION_NAMES),
    /**
     * Absent for a view of a whole list. A UUID, except in the policies partition, whose
     * versions are named by what they are (`<policy id>-v<n>`): a printed policy is recorded
     * with the version printed.
     */
    recordId: z.string().regex(RECORD_ID, 'Must be a lowercase record id').nullable(),
  })
  .refine(
    (event) =>
      event.recordId === null ||
      event.collection === 'policies' ||
      UUID_PATTERN.test(event.recordId),
    { path: ['recordId'], message: 'Must be a lowercase UUID' },
  );
export type DeviceAuditEvent = z.infer<typeof deviceAuditEventSchema>;

export const deviceAuditUploadSchema = z.strictObject({
  events: z.array(deviceAuditEventSchema).min(1).max(AUDIT_UPLOAD_MAX_EVENTS),
});

export type AuditUploadResponse = {
  /** Newly recorded; a retried upload's events were already recorded and are not counted. */
  recorded: number;
};

/** A page of the audit report, newest first. */
export type AuditReportPage = {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
};

export const AUDIT_PAGE_SIZE_MAX = 200;

/** How the report names each action. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  view: 'Viewed',
  print: 'Printed',
  create: 'Created',
  change: 'Changed',
  delete: 'Deleted',
  export: 'Exported',
  'sign-in': 'Signed in',
  'sign-out': 'Signed out',
  'sign-in-failed': 'Failed sign-in',
  'sign-in-refused': 'Sign-in refused',
  'second-factor': 'Two-factor code accepted',
  'second-factor-failed': 'Two-factor code refused',
  'second-factor-enrolled': 'Set up two-factor sign-in',
  'second-factor-reset': 'Reset two-factor sign-in',
  destroy: 'Destroyed (retention)',
};
