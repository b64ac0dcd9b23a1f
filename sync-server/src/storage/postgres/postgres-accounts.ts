import type { Pool } from 'pg';
import { ROLES, type Role } from '@clinicdesk/shared/auth/roles.ts';
import { fail, ok } from '@clinicdesk/shared/result.ts';
import type { DeviceReport } from '@clinicdesk/shared/sync/device-health.ts';
import { toDeviceRecord } from '../device-rows.ts';
import type { CreateUserResult, DeviceRecord, SessionRecord, UserRecord } from '../store.ts';
import { boolean, integer, optionalText, text, timestamp } from './postgres-row.ts';

type Row = Record<string, unknown>;

/**
 * Staff accounts, their sessions and the devices they sync from. Each method is one statement,
 * so none needs a transaction: PostgreSQL makes each statement atomic on its own.
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
        `INSERT INTO users (id, username, display_name, role, password_hash, active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT ((lower(username))) DO NOTHING`,
        [
          user.id,
          user.username,
          user.displayName,
          user.role,
          user.passwordHash,
          user.active,
          user.createdAt,
        ],
      );
      return rowCount === 1 ? ok(user) : fail({ code: 'duplicate-username' as const });
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
        `INSERT INTO sessions (token_hash, user_id, device_id, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          session.tokenHash,
          session.userId,
          session.deviceId,
          session.createdAt,
          session.lastSeenAt,
          session.expiresAt,
        ],
      );
    },

    async findSession(
      tokenHash: string,
    ): Promise<{ session: SessionRecord; user: UserRecord } | null> {
      const { rows } = await pool.query(
        `SELECT s.token_hash, s.user_id, s.device_id, s.created_at AS session_created_at,
                s.last_seen_at, s.expires_at, u.*
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

    async recordDevice(device: { deviceId: string; userId: string; seenAt: Date }): Promise<void> {
      await pool.query(
        `INSERT INTO devices (id, user_id, first_seen, last_seen) VALUES ($1, $2, $3, $3)
         ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, last_seen = excluded.last_seen`,
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
           report = excluded.report, reported_at = excluded.reported_at`,
        [entry.deviceId, entry.userId, entry.at, JSON.stringify(entry.report)],
      );
    },

    async listDevices(): Promise<DeviceRecord[]> {
      const { rows } = await pool.query<Row>(
        `SELECT d.id, d.first_seen, d.last_seen, d.report, d.reported_at,
                u.id AS user_id, u.display_name, u.role
         FROM devices d JOIN users u ON u.id = d.user_id
         ORDER BY d.last_seen DESC`,
      );
      return rows.map((row) =>
        toDeviceRecord({
          deviceId: text(row, 'id'),
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

function toUser(row: Row): UserRecord {
  const role = text(row, 'role');
  if (!isRole(role)) throw new TypeError(`User ${text(row, 'id')} has an unknown role`);
  return {
    id: text(row, 'id'),
    username: text(row, 'username'),
    displayName: text(row, 'display_name'),
    role,
    passwordHash: text(row, 'password_hash'),
    active: boolean(row, 'active'),
    createdAt: timestamp(row, 'created_at'),
  };
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
