import type { AuditEntry } from '@clinicdesk/shared/audit/audit-event.ts';
import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import type { Result } from '@clinicdesk/shared/result.ts';
import type { CollectionName } from '@clinicdesk/shared/sync/collections.ts';
import type { DeviceReport } from '@clinicdesk/shared/sync/device-health.ts';
import type { RowRejection, WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { ChartStore } from './chart-store.ts';
import type { SentAs } from './write-rule.ts';
import type { AuditChainHead, AuditEventInput } from './audit-chain.ts';

/**
 * The server's storage contract. SQLite implements it today; a PostgreSQL implementation must
 * pass the same contract suite (`store.contract.ts`). Every method is async so that either fits.
 */
export interface Store {
  /**
   * Documents of one collection written after `sinceSeq`, in seq order, at most `limit`.
   * `lastSeq` is the seq of the last document returned, or `sinceSeq` when there is none.
   */
  pull(collection: CollectionName, sinceSeq: number, limit: number): Promise<PullPage>;

  /**
   * The same page with each document as the JSON text it is stored in (canonical JSON, exactly
   * what `JSON.stringify` gives for the document `pull` returns): the pull route writes it out
   * as it is, with no parse and re-serialisation of every document it serves.
   */
  pullJson(collection: CollectionName, sinceSeq: number, limit: number): Promise<PullPageJson>;

  /**
   * How many documents of one collection a pull from `sinceSeq` would still send (those written
   * after it): a device catching up shows "n of N" from it. A count, not a promise — writes may
   * add to it before the device asks.
   */
  countAfter(collection: CollectionName, sinceSeq: number): Promise<number>;

  /** Which of these ids the collection holds (tombstones included). */
  storedIds(collection: CollectionName, ids: readonly string[]): Promise<Set<string>>;

  /**
   * The current state of every record of these kinds in the collection, tombstones included:
   * what a record scope reads to decide (filing's categories), ordered by id.
   */
  currentOfKinds(collection: CollectionName, kinds: readonly string[]): Promise<WireDocument[]>;

  /** The current states of the collection's records whose current state refers to the file. */
  referencingDocuments(sha256: string, collection: CollectionName): Promise<WireDocument[]>;

  /**
   * Announces stored records again, unchanged: each takes the next seq (in commit order, as a
   * write does), so every device pulls it once more — and, where a record scope now leaves it
   * out, is sent its withdrawal. No new version, no audit event: nothing in it changed. Ids not
   * stored are skipped. Returns the last seq taken, 0 when none.
   */
  reannounce(collection: CollectionName, ids: readonly string[]): Promise<number>;

  /**
   * Destroys a record (issue 12.7, ADR 19): in one transaction its current state becomes a
   * tombstone that names only the record (`destroyed: true`, announced under the next seq so
   * devices drop it), every stored version of it is deleted, its file references go, and a
   * `destroy` audit event (who, when, the record, its files' hashes, the rule) is appended —
   * which outlives it. Null when the record is not stored or was destroyed already. Returns the
   * hashes of the files its states referred to, for the caller to remove the bytes of those no
   * other record uses (`blobInUse`).
   */
  destroyDocument(
    collection: CollectionName,
    id: string,
    disposition: { writer: DocumentWriter; at: Date; detail: string },
  ): Promise<{ seq: number; files: string[] } | null>;

  /** Whether any record's current state or any kept version refers to the file. */
  blobInUse(sha256: string): Promise<boolean>;

  /**
   * Who may read a file (issue 11, point 5): the collections holding a stored record that refers
   * to it (written with each push, `blobReferences`), and whether this person uploaded it.
   */
  blobAccess(sha256: string, userId: string): Promise<BlobAccess>;
  /** Remembers who uploaded a file (idempotent), so it reads back before a record refers to it. */
  recordBlobUpload(sha256: string, userId: string, at: Date): Promise<void>;
  /**
   * Files uploaded, last, before `uploadedBefore` that no stored record refers to — neither its
   * current state nor any earlier version the server keeps (ADR 7): what may be collected.
   */
  unreferencedBlobs(uploadedBefore: Date, limit: number): Promise<string[]>;
  /** Forgets a collected file's uploads (after its bytes are gone). */
  forgetBlobUploads(sha256: string): Promise<void>;

  /**
   * Applies pushed rows in ONE transaction, each by the replication rule (`decideWrite`):
   * no stored document → write; `next` equals what the pusher was sent of the stored state (the
   * state, or its withdrawal: `sentAs`) → already done (a retried push, a pulled copy: no
   * write, no new seq); stored state equals `assumed` → write; otherwise → conflict, returning
   * the stored document. Every write takes the next seq inside the transaction, so seq order is
   * commit order. `authorise` judges each row inside the same transaction, twice: first
   * (stored, stored) — may this user touch the record at all, before anything about it is
   * answered — then, only for a row about to be written, (stored or null, next), and once more
   * with every earlier stored state of the record when that refuses. A stale or
   * conflicting copy is not judged as a write: it rightly carries author stamps of an earlier
   * state, and it is not stored. A row it refuses changes nothing.
   * Each write also appends a create, change or delete audit event (naming the record, never
   * its values) in the same transaction: a write is never without its event.
   */
  push(
    collection: CollectionName,
    rows: PushRowInput[],
    writer: DocumentWriter,
    serverTime: Date,
    authorise?: RowAuthoriser,
    /** What the pusher's device was sent of each stored record, where not the record itself. */
    sentAs?: SentAs,
  ): Promise<PushOutcome>;

  countUsers(): Promise<number>;
  /** Usernames are unique without regard to case. */
  createUser(user: UserRecord): Promise<CreateUserResult>;
  findUserByUsername(username: string): Promise<UserRecord | null>;
  findUserById(id: string): Promise<UserRecord | null>;
  /** Every account, active or not, ordered by display name. */
  listUsers(): Promise<UserRecord[]>;
  /** Changes the given fields of an account; null when there is no such account. */
  updateUser(id: string, changes: UserChanges): Promise<UserRecord | null>;
  /**
   * Ends every session of a user, and every sign-in of theirs still waiting for a code
   * (deactivation, reactivation, password reset, second-factor reset).
   */
  deleteUserSessions(userId: string): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  /** The session and its user, whatever their state; the caller decides whether it still counts. */
  findSession(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | null>;
  touchSession(tokenHash: string, lastSeenAt: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Housekeeping: removes sessions past their absolute expiry or idle since `idleBefore`. */
  deleteStaleSessions(now: Date, idleBefore: Date): Promise<number>;

  /**
   * Second-factor sign-in (services/second-factor.service.ts holds the rules; these only keep).
   * A pending sign-in: a correct password still owing a code; never a session.
   */
  createPendingSignIn(pending: PendingSignInRecord): Promise<void>;
  /** The pending sign-in and its user, whatever their state; the caller decides if it counts. */
  findPendingSignIn(
    tokenHash: string,
  ): Promise<{ pending: PendingSignInRecord; user: UserRecord } | null>;
  /**
   * Keeps `secret` as the pending sign-in's enrolment secret unless it has one already, and
   * returns the one it keeps (so two requests racing are offered the same); null when there is
   * no such pending sign-in.
   */
  offerEnrolmentSecret(tokenHash: string, secret: string): Promise<string | null>;
  /** Deletes the pending sign-in: true for the one caller that did (it is used once). */
  consumePendingSignIn(tokenHash: string): Promise<boolean>;
  /** Housekeeping: removes pending sign-ins past their expiry. */
  deleteExpiredPendingSignIns(now: Date): Promise<number>;
  /** A person's confirmed TOTP secret and the last step a code of theirs was accepted for. */
  findSecondFactor(userId: string): Promise<SecondFactorRecord | null>;
  /** Stores a confirmed secret; false when the person has one already (nothing changes then). */
  enrolSecondFactor(record: SecondFactorRecord): Promise<boolean>;
  /**
   * Records that a code of `step` was accepted, only if `step` is newer than the last accepted
   * one: of two requests with the same code, exactly one gets true.
   */
  useSecondFactorStep(userId: string, step: number): Promise<boolean>;
  /** An administrator's reset (a lost phone): forgets the secret; true when there was one. */
  removeSecondFactor(userId: string): Promise<boolean>;

  /**
   * Sign-in throttling; `services/login-throttle.ts` holds the policy, these only count. Keys
   * come from `accountThrottleKey` and `addressThrottleKey`. The key's consecutive failures,
   * its lock, and its failures after `since` (count and the oldest of them).
   */
  loginThrottle(key: string, since: Date): Promise<LoginThrottleState>;
  /**
   * Counts an attempt that is about to check a password as failed, unless the key's
   * consecutive failures are no longer `expected` (another attempt got there first): then
   * false. Several attempts racing on one count thus let exactly one through.
   */
  claimLoginAttempt(key: string, expected: number, at: Date): Promise<boolean>;
  /**
   * Records one failed sign-in against each key, and forgets failures (and unlocked counters
   * last failed) before `forgetBefore`.
   */
  recordLoginFailure(keys: readonly string[], at: Date, forgetBefore: Date): Promise<void>;
  /** A successful sign-in: the key's consecutive failures start again from zero. */
  clearConsecutiveLoginFailures(key: string): Promise<void>;
  /** Locks the key until `unlockAccount`. */
  lockLogin(key: string, at: Date): Promise<void>;
  /** An administrator's unlock: forgets every failure of the username (known or not). */
  unlockAccount(username: string): Promise<void>;

  /** Records that a device synced for a user (first and last seen). */
  recordDevice(device: { deviceId: string; userId: string; seenAt: Date }): Promise<void>;
  /** Keeps a device's latest health report (and counts as having seen it). */
  saveDeviceReport(entry: {
    deviceId: string;
    userId: string;
    report: DeviceReport;
    at: Date;
  }): Promise<void>;
  /**
   * Every device that has synced and is not retired, with its name, user and latest report. A
   * retired device that syncs or reports again is listed again (recordDevice, saveDeviceReport):
   * what it still holds matters more than a tidy list.
   */
  listDevices(): Promise<DeviceRecord[]>;
  /** Gives a device the name staff chose; false when no such device has synced. */
  nameDevice(deviceId: string, name: string): Promise<boolean>;
  /** Takes a device off the Devices page; false when no such device has synced. */
  retireDevice(deviceId: string, at: Date): Promise<boolean>;

  /** Chart numbers, duplicate review and change history. */
  readonly charts: ChartStore;
  /**
   * Appends events to the audit chain in one transaction, in the order given, each linked to the
   * one before (see audit-chain.ts). An event whose id is already recorded is skipped (a retried
   * upload), so `recorded` counts only new ones. Safe with concurrent callers and several server
   * instances: appends are serialised on the chain head.
   */
  appendAuditEvents(events: AuditEventInput[]): Promise<{ recorded: number }>;
  /** The audit report: entries matching the filter, newest first, one page of them. */
  auditReport(query: AuditQuery): Promise<{ entries: AuditEntry[]; total: number }>;
  /** Entries after `afterPosition` in chain order, at most `limit` (for verification). */
  readAuditChain(afterPosition: number, limit: number): Promise<AuditEntry[]>;
  auditChainHead(): Promise<AuditChainHead>;

  close(): Promise<void>;
}

export type AuditQuery = {
  userId?: string | undefined;
  /** Without regard to case; also finds failed sign-ins under names no account has. */
  username?: string | undefined;
  /** Only entries up to this position (an export reads a fixed chain while others append). */
  upToPosition?: number | undefined;
  recordId?: string | undefined;
  /** Inclusive bounds on the server time. */
  from?: Date | undefined;
  to?: Date | undefined;
  /** 1-based. */
  page: number;
  pageSize: number;
};

export type PullPage = { documents: WireDocument[]; lastSeq: number };

export type BlobAccess = { referencedIn: CollectionName[]; uploadedByUser: boolean };
/** `seqs[i]`: the seq of `documents[i]` (a device tells from it what came after its push). */
export type PullPageJson = { documents: string[]; seqs: number[]; lastSeq: number };

export type PushRowInput = {
  /** The stored state the device based its change on; absent or null for a new document. */
  assumed?: WireDocument | null;
  next: WireDocument;
  /**
   * Set for a state that may not be stored (a withdrawal the device was sent, pushed back): the
   * row is done if it is exactly what the device was sent, else refused with this.
   */
  unlessSent?: Omit<RowRejection, 'id'> | undefined;
};

export type PushOutcome = {
  /** The stored state of every row whose assumed state was out of date. */
  conflicts: WireDocument[];
  /** Rows actually written, with their new seq (retried rows are not in here). */
  written: { id: string; seq: number }[];
  /** Rows `authorise` refused; nothing of them was stored. */
  rejected: RowRejection[];
  /**
   * Ids of rows whose pushed state the record had and has since left; their current state is in
   * `conflicts` (see PushResponse.superseded). Absent when there are none.
   */
  superseded?: string[];
  /** Rows whose pushed state was the stored one already, with that state's seq. */
  alreadyStored?: { id: string; seq: number }[];
};

/**
 * Null when the writer may turn `stored` into `next`, else why not. `earlier` holds the states
 * the record had before `stored`; a store loads them only to judge again a write it would refuse
 * (author stamps may come from them: see authoriseRow).
 */
export type RowAuthoriser = (
  stored: WireDocument | null,
  next: WireDocument,
  earlier?: readonly WireDocument[],
) => Omit<RowRejection, 'id'> | null;

/** Who wrote a document: kept beside it, never inside it. */
export type DeviceRecord = {
  deviceId: string;
  /** The name staff chose ("Front desk tablet 2"); null until someone names it. */
  name: string | null;
  user: { id: string; displayName: string; role: Role };
  firstSeenAt: Date;
  lastSeenAt: Date;
  report: DeviceReport | null;
  reportedAt: Date | null;
};

export type DocumentWriter = {
  userId: string;
  deviceId: string;
  /** Recorded in the audit events of the write (the name staff know the writer by). */
  username?: string | undefined;
};

export type UserRecord = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  createdAt: Date;
  /**
   * One of the demo clinic's accounts, whose passwords are published: exempt from the second
   * factor (shared/src/auth/second-factor.ts). Set only when the demo clinic is seeded.
   */
  demoAccount: boolean;
};

export type UserChanges = Partial<
  Pick<UserRecord, 'displayName' | 'role' | 'active' | 'passwordHash'>
>;

export type CreateUserResult = Result<UserRecord, { code: 'duplicate-username' }>;

export type SessionRecord = {
  tokenHash: string;
  userId: string;
  deviceId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** Opened after a second factor (a code), not with the password alone. */
  secondFactor: boolean;
};

export type PendingSignInRecord = {
  tokenHash: string;
  userId: string;
  deviceId: string | null;
  createdAt: Date;
  expiresAt: Date;
  /** The secret offered to a person enrolling, until they confirm it. */
  enrolmentSecret: string | null;
};

export type SecondFactorRecord = {
  userId: string;
  /** Base32 of 160 random bits. */
  totpSecret: string;
  enrolledAt: Date;
  /** The newest RFC 6238 time step a code was accepted for (the enrolment's own code included). */
  lastUsedStep: number;
};

export type LoginThrottleState = {
  consecutiveFailures: number;
  lastFailureAt: Date | null;
  lockedAt: Date | null;
  /** Failures after the `since` asked for, and when the oldest of them was. */
  recentFailures: number;
  oldestRecentFailureAt: Date | null;
};

/**
 * The throttle key of a sign-in name, the same for every spelling that signs in to one account
 * (usernames are unique without regard to case), and for names no account has.
 */
export function accountThrottleKey(username: string): string {
  return `account:${username.trim().normalize('NFC').toLowerCase()}`;
}

export function addressThrottleKey(address: string): string {
  return `address:${address}`;
}
