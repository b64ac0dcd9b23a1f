import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import { fail, ok } from '@clinicdesk/shared/result.ts';
import type { DeviceReport } from '@clinicdesk/shared/sync/device-health.ts';
import { toUserRecord } from '../account-rows.ts';
import { toDeviceRecord } from '../device-rows.ts';
import {
  accountThrottleKey,
  type CreateUserResult,
  type DeviceRecord,
  type LoginThrottleState,
  type SessionRecord,
  type UserChanges,
  type UserRecord,
} from '../store.ts';
import { integer, optionalText, text } from './sqlite-row.ts';
import { immediateTransaction } from './sqlite-transaction.ts';

type Row = Record<string, SQLOutputValue>;

/** Staff accounts, their sessions, sign-in throttling and the devices they sync from. */
export function createSqliteAccounts(db: DatabaseSync) {
  const countUsers = db.prepare('SELECT count(*) AS n FROM users');
  const userByUsername = db.prepare('SELECT * FROM users WHERE username = ?');
  const userById = db.prepare('SELECT * FROM users WHERE id = ?');
  const allUsers = db.prepare('SELECT * FROM users ORDER BY display_name COLLATE NOCASE, id');
  const updateUser = db.prepare(`
    UPDATE users SET display_name = coalesce(?, display_name), role = coalesce(?, role),
      active = coalesce(?, active), password_hash = coalesce(?, password_hash)
    WHERE id = ?`);
  const deleteUserSessions = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const deleteUserPendingSignIns = db.prepare('DELETE FROM pending_sign_ins WHERE user_id = ?');
  const insertUser = db.prepare(`
    INSERT INTO users (id, username, display_name, role, password_hash, active, created_at,
      demo_account)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSession = db.prepare(`
    INSERT INTO sessions
      (token_hash, user_id, device_id, created_at, last_seen_at, expires_at, second_factor)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const sessionWithUser = db.prepare(`
    SELECT s.token_hash, s.user_id, s.device_id, s.created_at AS session_created_at,
           s.last_seen_at, s.expires_at, s.second_factor AS session_second_factor, u.*
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ?`);
  const touchSession = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
  const deleteSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const deleteStale = db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?');
  const throttleByKey = db.prepare(
    'SELECT consecutive_failures, last_failure_at, locked_at FROM login_throttle WHERE key = ?',
  );
  const recentFailures = db.prepare(`
    SELECT count(*) AS n, min(failed_at) AS oldest FROM login_failures
    WHERE key = ? AND failed_at > ?`);
  // Inserts the first failure, or counts one more only while the count is still the expected one.
  const claimAttempt = db.prepare(`
    INSERT INTO login_throttle (key, consecutive_failures, last_failure_at) VALUES (?, 1, ?)
    ON CONFLICT (key) DO UPDATE SET consecutive_failures = consecutive_failures + 1,
      last_failure_at = excluded.last_failure_at
    WHERE consecutive_failures = ?`);
  const insertFailure = db.prepare('INSERT INTO login_failures (key, failed_at) VALUES (?, ?)');
  const forgetFailures = db.prepare('DELETE FROM login_failures WHERE failed_at < ?');
  const forgetCounters = db.prepare(
    'DELETE FROM login_throttle WHERE locked_at IS NULL AND last_failure_at < ?',
  );
  const clearConsecutive = db.prepare(
    'UPDATE login_throttle SET consecutive_failures = 0 WHERE key = ?',
  );
  const lockKey = db.prepare(`
    INSERT INTO login_throttle (key, consecutive_failures, last_failure_at, locked_at)
    VALUES (?, 0, ?, ?)
    ON CONFLICT (key) DO UPDATE SET locked_at = coalesce(locked_at, excluded.locked_at)`);
  const deleteCounter = db.prepare('DELETE FROM login_throttle WHERE key = ?');
  const deleteFailures = db.prepare('DELETE FROM login_failures WHERE key = ?');
  const saveReport = db.prepare(`
    INSERT INTO devices (id, user_id, first_seen, last_seen, report, reported_at)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, last_seen = excluded.last_seen,
      report = excluded.report, reported_at = excluded.reported_at, retired_at = NULL`);
  const selectDevices = db.prepare(`
    SELECT d.id, d.name, d.first_seen, d.last_seen, d.report, d.reported_at,
           u.id AS user_id, u.display_name, u.role
    FROM devices d JOIN users u ON u.id = d.user_id
    WHERE d.retired_at IS NULL
    ORDER BY d.last_seen DESC`);
  const upsertDevice = db.prepare(`
    INSERT INTO devices (id, user_id, first_seen, last_seen) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, last_seen = excluded.last_seen,
      retired_at = NULL`);
  const setDeviceName = db.prepare('UPDATE devices SET name = ? WHERE id = ?');
  const setDeviceRetired = db.prepare('UPDATE devices SET retired_at = ? WHERE id = ?');

  return {
    countUsers: () => integer(countUsers.get() ?? {}, 'n'),

    createUser(user: UserRecord): CreateUserResult {
      return immediateTransaction(db, () => {
        if (userByUsername.get(user.username)) return fail({ code: 'duplicate-username' as const });
        insertUser.run(
          user.id,
          user.username,
          user.displayName,
          user.role,
          user.passwordHash,
          user.active ? 1 : 0,
          user.createdAt.toISOString(),
          user.demoAccount ? 1 : 0,
        );
        return ok(user);
      });
    },

    findUserByUsername(username: string): UserRecord | null {
      const row = userByUsername.get(username);
      return row ? toUser(row) : null;
    },

    findUserById(id: string): UserRecord | null {
      const row = userById.get(id);
      return row ? toUser(row) : null;
    },

    listUsers: (): UserRecord[] => allUsers.all().map(toUser),

    updateUser(id: string, changes: UserChanges): UserRecord | null {
      updateUser.run(
        changes.displayName ?? null,
        changes.role ?? null,
        changes.active === undefined ? null : changes.active ? 1 : 0,
        changes.passwordHash ?? null,
        id,
      );
      const row = userById.get(id);
      return row ? toUser(row) : null;
    },

    deleteUserSessions(userId: string): void {
      immediateTransaction(db, () => {
        deleteUserSessions.run(userId);
        deleteUserPendingSignIns.run(userId);
      });
    },

    createSession(session: SessionRecord): void {
      insertSession.run(
        session.tokenHash,
        session.userId,
        session.deviceId,
        session.createdAt.toISOString(),
        session.lastSeenAt.toISOString(),
        session.expiresAt.toISOString(),
        session.secondFactor ? 1 : 0,
      );
    },

    findSession(tokenHash: string): { session: SessionRecord; user: UserRecord } | null {
      const row = sessionWithUser.get(tokenHash);
      if (!row) return null;
      return {
        session: {
          tokenHash: text(row, 'token_hash'),
          userId: text(row, 'user_id'),
          deviceId: optionalText(row, 'device_id'),
          createdAt: new Date(text(row, 'session_created_at')),
          lastSeenAt: new Date(text(row, 'last_seen_at')),
          expiresAt: new Date(text(row, 'expires_at')),
          secondFactor: integer(row, 'session_second_factor') === 1,
        },
        user: toUser(row),
      };
    },

    touchSession(tokenHash: string, lastSeenAt: Date): void {
      touchSession.run(lastSeenAt.toISOString(), tokenHash);
    },

    deleteSession(tokenHash: string): void {
      deleteSession.run(tokenHash);
    },

    deleteStaleSessions(now: Date, idleBefore: Date): number {
      return Number(deleteStale.run(now.toISOString(), idleBefore.toISOString()).changes);
    },

    loginThrottle(key: string, since: Date): LoginThrottleState {
      const counter = throttleByKey.get(key);
      const recent = recentFailures.get(key, since.toISOString()) ?? {};
      const oldest = optionalText(recent, 'oldest');
      const lockedAt = counter ? optionalText(counter, 'locked_at') : null;
      return {
        consecutiveFailures: counter ? integer(counter, 'consecutive_failures') : 0,
        lastFailureAt: counter ? new Date(text(counter, 'last_failure_at')) : null,
        lockedAt: lockedAt === null ? null : new Date(lockedAt),
        recentFailures: integer(recent, 'n'),
        oldestRecentFailureAt: oldest === null ? null : new Date(oldest),
      };
    },

    claimLoginAttempt(key: string, expected: number, at: Date): boolean {
      return Number(claimAttempt.run(key, at.toISOString(), expected).changes) === 1;
    },

    recordLoginFailure(keys: readonly string[], at: Date, forgetBefore: Date): void {
      immediateTransaction(db, () => {
        for (const key of keys) insertFailure.run(key, at.toISOString());
        forgetFailures.run(forgetBefore.toISOString());
        forgetCounters.run(forgetBefore.toISOString());
      });
    },

    clearConsecutiveLoginFailures(key: string): void {
      clearConsecutive.run(key);
    },

    lockLogin(key: string, at: Date): void {
      lockKey.run(key, at.toISOString(), at.toISOString());
    },

    unlockAccount(username: string): void {
      const key = accountThrottleKey(username);
      immediateTransaction(db, () => {
        deleteCounter.run(key);
        deleteFailures.run(key);
      });
    },

    recordDevice(device: { deviceId: string; userId: string; seenAt: Date }): void {
      const seen = device.seenAt.toISOString();
      upsertDevice.run(device.deviceId, device.userId, seen, seen);
    },

    saveDeviceReport(entry: { deviceId: string; userId: string; report: DeviceReport; at: Date }) {
      const at = entry.at.toISOString();
      saveReport.run(entry.deviceId, entry.userId, at, at, JSON.stringify(entry.report), at);
    },

    nameDevice(deviceId: string, name: string): boolean {
      return setDeviceName.run(name, deviceId).changes > 0;
    },

    retireDevice(deviceId: string, at: Date): boolean {
      return setDeviceRetired.run(at.toISOString(), deviceId).changes > 0;
    },

    listDevices(): DeviceRecord[] {
      return selectDevices.all().map((row) =>
        toDeviceRecord({
          deviceId: text(row, 'id'),
          name: optionalText(row, 'name'),
          userId: text(row, 'user_id'),
          displayName: text(row, 'display_name'),
          role: text(row, 'role'),
          firstSeenAt: new Date(text(row, 'first_seen')),
          lastSeenAt: new Date(text(row, 'last_seen')),
          report: optionalText(row, 'report'),
          reportedAt: optionalText(row, 'reported_at') ? new Date(text(row, 'reported_at')) : null,
        }),
      );
    },
  };
}

export function toUser(row: Row): UserRecord {
  return toUserRecord({
    id: text(row, 'id'),
    username: text(row, 'username'),
    displayName: text(row, 'display_name'),
    role: text(row, 'role'),
    passwordHash: text(row, 'password_hash'),
    active: integer(row, 'active') === 1,
    createdAt: new Date(text(row, 'created_at')),
    demoAccount: integer(row, 'demo_account') === 1,
  });
}
