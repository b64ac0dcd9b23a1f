import type { Pool } from 'pg';
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
import { boolean, integer, optionalText, text, timestamp } from './postgres-row.ts';
import { inTransaction } from './postgres-transaction.ts';

type Row = Record<string, unknown>;

/**
 * Staff accounts, their sessions, sign-in throttling and the devices they sync from. Most
 * methods are one statement, which PostgreSQL makes atomic on its own; the few with several
 * use a transaction.
 */
export function createPostgresAccounts(pool: Pool) {
  return {
    async countUsers(): Promise<number> {
      const { rows } = await pool.query('SELECT count(*) AS n FROM users');
      return integer(rows[0] ?? {}, 'n');
    },

    async createUser(user: UserRecord): Promise<CreateUserResult> {
      // The unique index on lower(username) decides, so two instances creating "Rosa" and
      // "rosa" at the same moment cannot both succeed; a clash on the id is still an error.
      const { rowCount } = await pool.query(
        `INSERT INTO users (id, username, display_name, role, password_hash, active, created_at,
           demo_account)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ((lower(username))) DO NOTHING`,
        [
          user.id,
          user.username,
          user.displayName,
          user.role,
          user.passwordHash,
          user.active,
          user.createdAt,
          user.demoAccount,
        ],
      );
      return rowCount === 1 ? ok(user) : fail({ code: 'duplicate-username' as const });
    },

    async findUserById(id: string): Promise<UserRecord | null> {
      const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);
      const row = rows[0] as Row | undefined;
      return row ? toUser(row) : null;
    },

    async listUsers(): Promise<UserRecord[]> {
      const { rows } = await pool.query('SELECT * FROM users ORDER BY lower(display_name), id');
      return rows.map((row: Row) => toUser(row));
    },

    async updateUser(id: string, changes: UserChanges): Promise<UserRecord | null> {
      const { rows } = await pool.query(
        `UPDATE users SET display_name = coalesce($1, display_name), role = coalesce($2, role),
           active = coalesce($3, active), password_hash = coalesce($4, password_hash)
         WHERE id = $5 RETURNING *`,
        [
          changes.displayName ?? null,
          changes.role ?? null,
          changes.active ?? null,
          changes.passwordHash ?? null,
          id,
        ],
      );
      const row = rows[0] as Row | undefined;
      return row ? toUser(row) : null;
    },

    async deleteUserSessions(userId: string): Promise<void> {
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
        await client.query('DELETE FROM pending_sign_ins WHERE user_id = $1', [userId]);
      });
    },

    async findUserByUsername(username: string): Promise<UserRecord | null> {
      const { rows } = await pool.query('SELECT * FROM users WHERE lower(username) = lower($1)', [
        username,
      ]);
      const row: Row | undefined = rows[0];
      return row ? toUser(row) : null;
    },

    async createSession(session: SessionRecord): Promise<void> {
      await pool.query(
        `INSERT INTO sessions
           (token_hash, user_id, device_id, created_at, last_seen_at, expires_at, second_factor)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          session.tokenHash,
          session.userId,
          session.deviceId,
          session.createdAt,
          session.lastSeenAt,
          session.expiresAt,
          session.secondFactor,
        ],
      );
    },

    async findSession(
      tokenHash: string,
    ): Promise<{ session: SessionRecord; user: UserRecord } | null> {
      const { rows } = await pool.query(
        `SELECT s.token_hash, s.user_id, s.device_id, s.created_at AS session_created_at,
                s.last_seen_at, s.expires_at, s.second_factor AS session_second_factor, u.*
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1`,
        [tokenHash],
      );
      const row: Row | undefined = rows[0];
      if (!row) return null;
      return {
        session: {
          tokenHash: text(row, 'token_hash'),
          userId: text(row, 'user_id'),
          deviceId: optionalText(row, 'device_id'),
          createdAt: timestamp(row, 'session_created_at'),
          lastSeenAt: timestamp(row, 'last_seen_at'),
          expiresAt: timestamp(row, 'expires_at'),
          secondFactor: row.session_second_factor === true,
        },
        user: toUser(row),
      };
    },

    async touchSession(tokenHash: string, lastSeenAt: Date): Promise<void> {
      await pool.query('UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2', [
        lastSeenAt,
        tokenHash,
      ]);
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },

    async deleteStaleSessions(now: Date, idleBefore: Date): Promise<number> {
      const { rowCount } = await pool.query(
        'DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2',
        [now, idleBefore],
      );
      return rowCount ?? 0;
    },

    async loginThrottle(key: string, since: Date): Promise<LoginThrottleState> {
      const { rows } = await pool.query<Row>(
        `SELECT t.consecutive_failures, t.last_failure_at, t.locked_at, f.n, f.oldest
         FROM (SELECT count(*) AS n, min(failed_at) AS oldest FROM login_failures
               WHERE key = $1 AND failed_at > $2) f
         LEFT JOIN login_throttle t ON t.key = $1`,
        [key, since],
      );
      const row = rows[0] ?? {};
      const counted = row.last_failure_at !== null && row.last_failure_at !== undefined;
      return {
        consecutiveFailures: counted ? integer(row, 'consecutive_failures') : 0,
        lastFailureAt: counted ? timestamp(row, 'last_failure_at') : null,
        lockedAt: row.locked_at instanceof Date ? row.locked_at : null,
        recentFailures: integer(row, 'n'),
        oldestRecentFailureAt: row.oldest instanceof Date ? row.oldest : null,
      };
    },

    async claimLoginAttempt(key: string, expected: number, at: Date): Promise<boolean> {
      // One statement: of several instances racing on the same count, the row lock lets one
      // update it and the others re-check the WHERE against the new count and do nothing.
      const { rowCount } = await pool.query(
        `INSERT INTO login_throttle (key, consecutive_failures, last_failure_at) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET
           consecutive_failures = login_throttle.consecutive_failures + 1,
           last_failure_at = excluded.last_failure_at
         WHERE login_throttle.consecutive_failures = $3`,
        [key, at, expected],
      );
      return rowCount === 1;
    },

    async recordLoginFailure(keys: readonly string[], at: Date, forgetBefore: Date) {
      await inTransaction(pool, async (client) => {
        await client.query(
          'INSERT INTO login_failures (key, failed_at) SELECT unnest($1::text[]), $2::timestamptz',
          [keys, at],
        );
        await client.query('DELETE FROM login_failures WHERE failed_at < $1', [forgetBefore]);
        await client.query(
          'DELETE FROM login_throttle WHERE locked_at IS NULL AND last_failure_at < $1',
          [forgetBefore],
        );
      });
    },

    async clearConsecutiveLoginFailures(key: string): Promise<void> {
      await pool.query('UPDATE login_throttle SET consecutive_failures = 0 WHERE key = $1', [key]);
    },

    async lockLogin(key: string, at: Date): Promise<void> {
      await pool.query(
        `INSERT INTO login_throttle (key, consecutive_failures, last_failure_at, locked_at)
         VALUES ($1, 0, $2, $2)
         ON CONFLICT (key) DO UPDATE SET
           locked_at = coalesce(login_throttle.locked_at, excluded.locked_at)`,
        [key, at],
      );
    },

    async unlockAccount(username: string): Promise<void> {
      const key = accountThrottleKey(username);
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM login_throttle WHERE key = $1', [key]);
        await client.query('DELETE FROM login_failures WHERE key = $1', [key]);
      });
    },

    async recordDevice(device: { deviceId: string; userId: string; seenAt: Date }): Promise<void> {
      await pool.query(
        `INSERT INTO devices (id, user_id, first_seen, last_seen) VALUES ($1, $2, $3, $3)
         ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, last_seen = excluded.last_seen,
           retired_at = NULL`,
        [device.deviceId, device.userId, device.seenAt],
      );
    },

    async saveDeviceReport(entry: {
      deviceId: string;
      userId: string;
      report: DeviceReport;
      at: Date;
    }): Promise<void> {
      await pool.query(
        `INSERT INTO devices (id, user_id, first_seen, last_seen, report, reported_at)
         VALUES ($1, $2, $3, $3, $4, $3)
         ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, last_seen = excluded.last_seen,
           report = excluded.report, reported_at = excluded.reported_at, retired_at = NULL`,
        [entry.deviceId, entry.userId, entry.at, JSON.stringify(entry.report)],
      );
    },

    async nameDevice(deviceId: string, name: string): Promise<boolean> {
      const result = await pool.query('UPDATE devices SET name = $1 WHERE id = $2', [
        name,
        deviceId,
      ]);
      return (result.rowCount ?? 0) > 0;
    },

    async retireDevice(deviceId: string, at: Date): Promise<boolean> {
      const result = await pool.query('UPDATE devices SET retired_at = $1 WHERE id = $2', [
        at,
        deviceId,
      ]);
      return (result.rowCount ?? 0) > 0;
    },

    async listDevices(): Promise<DeviceRecord[]> {
      const { rows } = await pool.query<Row>(
        `SELECT d.id, d.name, d.first_seen, d.last_seen, d.report, d.reported_at,
                u.id AS user_id, u.display_name, u.role
         FROM devices d JOIN users u ON u.id = d.user_id
         WHERE d.retired_at IS NULL
         ORDER BY d.last_seen DESC`,
      );
      return rows.map((row) =>
        toDeviceRecord({
          deviceId: text(row, 'id'),
          name: optionalText(row, 'name'),
          userId: text(row, 'user_id'),
          displayName: text(row, 'display_name'),
          role: text(row, 'role'),
          firstSeenAt: timestamp(row, 'first_seen'),
          lastSeenAt: timestamp(row, 'last_seen'),
          report: optionalText(row, 'report'),
          reportedAt: row.reported_at instanceof Date ? row.reported_at : null,
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
    active: boolean(row, 'active'),
    createdAt: timestamp(row, 'created_at'),
    demoAccount: boolean(row, 'demo_account'),
  });
}
