import type { Pool } from 'pg';
import type { PendingSignInRecord, SecondFactorRecord, UserRecord } from '../store.ts';
import { toUser } from './postgres-accounts.ts';
import { integer, optionalText, text, timestamp } from './postgres-row.ts';

type Row = Record<string, unknown>;

/**
 * Pending sign-ins (a password still owing a code) and each person's TOTP secret. Every method
 * is one statement, atomic on its own; the single-use rules rest on its row locks: of several
 * instances racing, one updates or deletes the row and the others find nothing left to change.
 */
export function createPostgresSecondFactors(pool: Pool) {
  return {
    async createPendingSignIn(pending: PendingSignInRecord): Promise<void> {
      await pool.query(
        `INSERT INTO pending_sign_ins (token_hash, user_id, device_id, created_at, expires_at,
           enrolment_secret)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          pending.tokenHash,
          pending.userId,
          pending.deviceId,
          pending.createdAt,
          pending.expiresAt,
          pending.enrolmentSecret,
        ],
      );
    },

    async findPendingSignIn(
      tokenHash: string,
    ): Promise<{ pending: PendingSignInRecord; user: UserRecord } | null> {
      const { rows } = await pool.query<Row>(
        `SELECT p.token_hash, p.user_id, p.device_id, p.created_at AS pending_created_at,
                p.expires_at, p.enrolment_secret, u.*
         FROM pending_sign_ins p JOIN users u ON u.id = p.user_id
         WHERE p.token_hash = $1`,
        [tokenHash],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        pending: {
          tokenHash: text(row, 'token_hash'),
          userId: text(row, 'user_id'),
          deviceId: optionalText(row, 'device_id'),
          createdAt: timestamp(row, 'pending_created_at'),
          expiresAt: timestamp(row, 'expires_at'),
          enrolmentSecret: optionalText(row, 'enrolment_secret'),
        },
        user: toUser(row),
      };
    },

    async offerEnrolmentSecret(tokenHash: string, secret: string): Promise<string | null> {
      const { rows } = await pool.query<Row>(
        `UPDATE pending_sign_ins SET enrolment_secret = coalesce(enrolment_secret, $1)
         WHERE token_hash = $2 RETURNING enrolment_secret`,
        [secret, tokenHash],
      );
      const row = rows[0];
      return row ? text(row, 'enrolment_secret') : null;
    },

    async consumePendingSignIn(tokenHash: string): Promise<boolean> {
      const { rowCount } = await pool.query('DELETE FROM pending_sign_ins WHERE token_hash = $1', [
        tokenHash,
      ]);
      return rowCount === 1;
    },

    async deleteExpiredPendingSignIns(now: Date): Promise<number> {
      const { rowCount } = await pool.query('DELETE FROM pending_sign_ins WHERE expires_at <= $1', [
        now,
      ]);
      return rowCount ?? 0;
    },

    async findSecondFactor(userId: string): Promise<SecondFactorRecord | null> {
      const { rows } = await pool.query<Row>('SELECT * FROM second_factors WHERE user_id = $1', [
        userId,
      ]);
      const row = rows[0];
      if (!row) return null;
      return {
        userId: text(row, 'user_id'),
        totpSecret: text(row, 'totp_secret'),
        enrolledAt: timestamp(row, 'enrolled_at'),
        lastUsedStep: integer(row, 'last_used_step'),
      };
    },

    async enrolSecondFactor(record: SecondFactorRecord): Promise<boolean> {
      const { rowCount } = await pool.query(
        `INSERT INTO second_factors (user_id, totp_secret, enrolled_at, last_used_step)
         VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO NOTHING`,
        [record.userId, record.totpSecret, record.enrolledAt, record.lastUsedStep],
      );
      return rowCount === 1;
    },

    async useSecondFactorStep(userId: string, step: number): Promise<boolean> {
      const { rowCount } = await pool.query(
        `UPDATE second_factors SET last_used_step = $1
         WHERE user_id = $2 AND last_used_step < $1`,
        [step, userId],
      );
      return rowCount === 1;
    },

    async removeSecondFactor(userId: string): Promise<boolean> {
      const { rowCount } = await pool.query('DELETE FROM second_factors WHERE user_id = $1', [
        userId,
      ]);
      return rowCount === 1;
    },
  };
}
