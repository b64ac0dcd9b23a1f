/**
 * The sync wire protocol between a device and the sync server, versioned under `/api/sync/v1/`.
 * It carries RxDB's replication protocol over HTTP: pull by a server-assigned sequence checkpoint,
 * push rows with the state the device assumed the server had, conflicts returned as data.
 */

/**
 * Bumped when the wire format changes incompatibly; the server refuses other versions. 2: every
 * document names its kind (ADR 15), so a device of the release before kinds waits for its update
 * (its changes stay on it, and the new release migrates and pushes them).
 */
export const PROTOCOL_VERSION = 2;
export const SYNC_BASE_PATH = '/api/sync/v1';

/** Sent on every sync request (the stream takes them as query parameters: EventSource has no headers). */
export const PROTOCOL_HEADER = 'x-clinicdesk-protocol';
export const DEVICE_HEADER = 'x-clinicdesk-device';

export const PULL_LIMIT_DEFAULT = 200;
export const PULL_LIMIT_MAX = 1000;
export const PUSH_ROWS_MAX = 500;

/**
 * The checkpoint is the server's commit-ordered sequence number of the last document the device
 * has seen. Never a client clock, never `updatedAt`: clocks lie and commit order is what matters.
 */
export type Checkpoint = { seq: number };

/** A document as it travels: its fields plus the tombstone flag; no RxDB bookkeeping. */
export type WireDocument = { id: string; _deleted: boolean } & Record<string, unknown>;

export type PullResponse = {
  documents: WireDocument[];
  /** The checkpoint to ask from next time; unchanged when there was nothing new. */
  checkpoint: Checkpoint;
  /**
   * Documents of the collection after this page, still to come (0 when the device is in step),
   * so a device catching up — its first sync, say — can show "n of N". A count at the moment of
   * the answer: writes may add to it. Optional on the wire: servers before it do not send it,
   * and a device then knows only that a full page means more may follow.
   */
  remaining?: number;
  /**
   * The server's seq of each document, in order (`seqs[i]` is that of `documents[i]`). With
   * `PushResponse.stored`, a device tells whether a state it pulled while its push was on the
   * way came after that push (ADR 7). Optional on the wire: older servers do not send it.
   */
  seqs?: number[];
};

export type PushRow = {
  /** The server state the device based its change on; absent for a document it created. */
  assumedMasterState?: WireDocument | null;
  newDocumentState: WireDocument;
};

export type PushRequest = { rows: PushRow[] };

/** Why a single pushed row was refused. The other rows of the request are unaffected. */
export type RowErrorCode = 'invalid-document' | 'forbidden' | 'id-mismatch';

export type RowRejection = {
  id: string;
  code: RowErrorCode;
  message: string;
  /** For `invalid-document`: which fields were wrong (paths and messages, never the values). */
  issues?: { path: string; message: string }[];
};

export type PushResponse = {
  /** The server's current state of every row whose assumed state was out of date. */
  conflicts: WireDocument[];
  rejected: RowRejection[];
  /**
   * Rows whose pushed state the server had already stored, and the record has left since (a
   * retry whose first answer was lost, a late duplicate, a stale copy); their current state is
   * among `conflicts`. The pushed state is thus an ancestor of that current state, and it is the
   * base the device must merge against — not the older state it named as assumed (ADR 7).
   * Absent when there are none; a device that ignores it merges against the older base and may
   * record a needless conflict, never lose an edit.
   */
  superseded?: string[];
  /**
   * Rows whose pushed state the server holds (written now, or stored already), each with the seq
   * of that state. A state of the record the device pulled meanwhile with a higher seq came after
   * its push: the device must not take its own state for the server's (ADR 7). Optional.
   */
  stored?: { id: string; seq: number }[];
};

/** Events on the live stream (`GET /api/sync/v1/stream`, server-sent events). */
export type StreamEvent =
  | { type: 'resync' }
  | { type: 'change'; collection: string; seq: number }
  | { type: 'heartbeat'; serverTime: string };

/** Seconds between heartbeats; a device that hears nothing for three of them reconnects. */
export const HEARTBEAT_SECONDS = 15;

/** Error codes of the HTTP API (the body is `{ error: { code, message } }`). */
export type ApiErrorCode =
  | 'unauthenticated'
  | 'account-deactivated'
  | 'second-factor-required'
  | 'invalid-credentials'
  | 'wrong-code'
  | 'code-already-used'
  | 'sign-in-expired'
  /** The session was opened on another device (this browser's device id changed, or forged). */
  | 'session-on-another-device'
  | 'forbidden'
  | 'not-found'
  | 'unknown-collection'
  | 'invalid-request'
  | 'invalid-json'
  | 'nesting-too-deep'
  /** A string holds a lone surrogate, NUL, control or bidi override character, or is not NFC. */
  | 'invalid-text'
  | 'payload-too-large'
  | 'update-required'
  | 'unsupported-media-type'
  | 'rate-limited'
  /** A legal hold stands over the record: it may not be trashed for good or destroyed. */
  | 'legal-hold'
  /** The record's retention has not ended (and it is not an expired item of the trash). */
  | 'not-due'
  | 'internal';

export type ApiError = { error: { code: ApiErrorCode; message: string } };

export function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error;
}
