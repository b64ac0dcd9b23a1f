import type { DatabaseSync } from 'node:sqlite';
import type { PendingSignInRecord, SecondFactorRecord, UserRecord } from '../store.ts';
import { toUser } from './sqlite-accounts.ts';
import { integer, optionalText, text } from './sqlite-row.ts';

/** Pending sign-ins (a password still owing a code) and each person's TOTP secret. */
export function createSqliteSecondFactors(db: DatabaseSync) {
  const insertPending = db.prepare(`
    INSERT INTO pending_sign_ins (token_hash, user_id, device_id, created_at, expires_at,
      enrolment_secret)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const pendingWithUser = db.prepare(`
    SELECT p.token_hash, p.user_id, p.device_id, p.created_at AS pending_created_at,
           p.expires_at, p.enrolment_secret, u.*
    FROM pending_sign_ins p JOIN users u ON u.id = p.user_id
    WHERE p.token_hash = ?`);
  // One statement: of two requests racing, both see the secret the first one kept.
  const offerSecret = db.prepare(`
    UPDATE pending_sign_ins SET enrolment_secret = coalesce(enrolment_secret, ?)
    WHERE token_hash = ? RETURNING enrolment_secret`);
  const deletePending = db.prepare('DELETE FROM pending_sign_ins WHERE token_hash = ?');
  const deleteExpired = db.prepare('DELETE FROM pending_sign_ins WHERE expires_at <= ?');
  const factorOf = db.prepare('SELECT * FROM second_factors WHERE user_id = ?');
  const insertFactor = db.prepare(`
    INSERT INTO second_factors (user_id, totp_secret, enrolled_at, last_used_step)
    VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING`);
  const useStep = db.prepare(
    'UPDATE second_factors SET last_used_step = ? WHERE user_id = ? AND last_used_step < ?',
  );
  const deleteFactor = db.prepare('DELETE FROM second_factors WHERE user_id = ?');

  return {
    createPendingSignIn(pending: PendingSignInRecord): void {
      insertPending.run(
        pending.tokenHash,
        pending.userId,
        pending.deviceId,
        pending.createdAt.toISOString(),
        pending.expiresAt.toISOString(),
        pending.enrolmentSecret,
      );
    },

    findPendingSignIn(
      tokenHash: string,
    ): { pending: PendingSignInRecord; user: UserRecord } | null {
      const row = pendingWithUser.get(tokenHash);
      if (!row) return null;
      return {
        pending: {
          tokenHash: text(row, 'token_hash'),
          userId: text(row, 'user_id'),
          deviceId: optionalText(row, 'device_id'),
          createdAt: new Date(text(row, 'pending_created_at')),
          expiresAt: new Date(text(row, 'expires_at')),
          enrolmentSecret: optionalText(row, 'enrolment_secret'),
        },
        user: toUser(row),
      };
    },

    offerEnrolmentSecret(tokenHash: string, secret: string): string | null {
      const row = offerSecret.get(secret, tokenHash);
      return row ? text(row, 'enrolment_secret') : null;
    },

    consumePendingSignIn: (tokenHash: string): boolean =>
      Number(deletePending.run(tokenHash).changes) === 1,

    deleteExpiredPendingSignIns: (now: Date): number =>
      Number(deleteExpired.run(now.toISOString()).changes),

    findSecondFactor(userId: string): SecondFactorRecord | null {
      const row = factorOf.get(userId);
      if (!row) return null;
      return {
        userId: text(row, 'user_id'),
        totpSecret: text(row, 'totp_secret'),
        enrolledAt: new Date(text(row, 'enrolled_at')),
        lastUsedStep: integer(row, 'last_used_step'),
      };
    },

    enrolSecondFactor(record: SecondFactorRecord): boolean {
      const { changes } = insertFactor.run(
        record.userId,
        record.totpSecret,
        record.enrolledAt.toISOString(),
        record.lastUsedStep,
      );
      return Number(changes) === 1;
    },

    useSecondFactorStep: (userId: string, step: number): boolean =>
      Number(useStep.run(step, userId, step).changes) === 1,

    removeSecondFactor: (userId: string): boolean => Number(deleteFactor.run(userId).changes) === 1,
  };
}
