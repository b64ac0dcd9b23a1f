import type { Pool } from 'pg';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { ChartStore, DocumentVersionRecord, DuplicatePairRecord } from '../chart-store.ts';
import { integer, optionalText, text, timestamp } from './postgres-row.ts';
import { inTransaction } from './postgres-transaction.ts';

type Row = Record<string, unknown>;
const parse = (data: string) => JSON.parse(data) as WireDocument;

/** Chart numbers, duplicate review and change history over a connection pool. */
export function createPostgresCharts(pool: Pool): ChartStore {
  return {
    async reserveChartSerials(request) {
      return inTransaction(pool, async (client) => {
        // The counter row's lock is taken first and held to commit: requests (from any server
        // instance) take blocks one after another, and a retried request id is checked only
        // once nobody else can be inserting it.
        const counter = await client.query(
          'SELECT next_serial FROM chart_number_counter WHERE id = 1 FOR UPDATE',
        );
        const known = await client.query(
          // The request id is the device's own: another device's replay of it is a new request.
          `SELECT first_serial, last_serial FROM chart_number_blocks
           WHERE device_id = $1 AND request_id = $2`,
          [request.deviceId, request.requestId],
        );
        const row: Row | undefined = known.rows[0];
        if (row) return { first: integer(row, 'first_serial'), last: integer(row, 'last_serial') };
        const first = integer(counter.rows[0] ?? {}, 'next_serial');
        const block = { first, last: first + request.count - 1 };
        await client.query('UPDATE chart_number_counter SET next_serial = $1 WHERE id = 1', [
          block.last + 1,
        ]);
        await client.query(
          `INSERT INTO chart_number_blocks
             (request_id, device_id, user_id, first_serial, last_serial, reserved_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            request.requestId,
            request.deviceId,
            request.userId,
            block.first,
            block.last,
            request.at,
          ],
        );
        return block;
      });
    },

    async currentDocuments(collection, ids) {
      const { rows } = await pool.query(
        'SELECT data FROM documents WHERE collection = $1 AND id = ANY($2::text[]) ORDER BY id',
        [collection, [...ids]],
      );
      return rows.map((row: Row) => parse(text(row, 'data')));
    },

    async chartNumberHolders(chartNumbers) {
      if (chartNumbers.length === 0) return [];
      // `data` is TEXT (the bytes as pushed, see migration 0001), read as JSON only here.
      const { rows } = await pool.query(
        `SELECT id, data::jsonb ->> 'chartNumber' AS chart_number FROM documents
         WHERE collection = 'patients' AND data::jsonb ->> 'chartNumber' = ANY($1::text[])
         ORDER BY id`,
        [[...chartNumbers]],
      );
      return rows.map((row: Row) => ({
        chartNumber: text(row, 'chart_number'),
        id: text(row, 'id'),
      }));
    },

    async patientsNotChecked(limit) {
      const { rows } = await pool.query(
        `SELECT d.data FROM documents d
         WHERE d.collection = 'patients' AND d.data::jsonb ->> 'kind' = 'patient'
           AND NOT EXISTS (SELECT 1 FROM patient_match_keys k WHERE k.patient_id = d.id)
         ORDER BY d.seq LIMIT $1`,
        [limit],
      );
      return rows.map((row: Row) => parse(text(row, 'data')));
    },

    async setPatientMatchKeys(patientId, keys) {
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM patient_match_keys WHERE patient_id = $1', [patientId]);
        if (keys.length > 0)
          await client.query(
            `INSERT INTO patient_match_keys (match_key, patient_id)
             SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING`,
            [[...keys], patientId],
          );
      });
    },

    async patientsSharingKeys(patientId, keys, limit) {
      const { rows } = await pool.query(
        `SELECT d.data FROM documents d
         WHERE d.collection = 'patients' AND NOT d.deleted AND d.id IN (
           SELECT patient_id FROM patient_match_keys
           WHERE match_key = ANY($1::text[]) AND patient_id <> $2)
         ORDER BY d.id LIMIT $3`,
        [[...keys], patientId, limit],
      );
      return rows.map((row: Row) => parse(text(row, 'data')));
    },

    async recordDuplicatePairs(found, at) {
      // One push that edits both charts of a pair finds that pair twice. A single INSERT … ON
      // CONFLICT may not touch a row twice (PostgreSQL aborts the whole statement, losing every
      // other pair with it), so each pair goes in once, the last finding winning as it does when
      // SQLite upserts them one by one.
      const pairs = [...new Map(found.map((p) => [`${p.firstId} ${p.secondId}`, p])).values()];
      if (pairs.length === 0) return;
      await pool.query(
        `INSERT INTO duplicate_pairs (first_id, second_id, score, reasons, found_at)
         SELECT p.first_id, p.second_id, p.score, p.reasons, $5
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[])
           AS p (first_id, second_id, score, reasons)
         ON CONFLICT (first_id, second_id) DO UPDATE SET
           score = excluded.score, reasons = excluded.reasons`,
        [
          pairs.map((p) => p.firstId),
          pairs.map((p) => p.secondId),
          pairs.map((p) => p.score),
          pairs.map((p) => JSON.stringify(p.reasons)),
          at,
        ],
      );
    },

    async closeDuplicatePairsOf(patientId) {
      await pool.query(
        `DELETE FROM duplicate_pairs
         WHERE dismissed_at IS NULL AND (first_id = $1 OR second_id = $1)`,
        [patientId],
      );
    },

    async listOpenDuplicatePairs(limit) {
      const { rows } = await pool.query(
        `SELECT p.first_id, p.second_id, p.score, p.reasons, p.found_at,
                a.data AS first_data, b.data AS second_data
         FROM duplicate_pairs p
         JOIN documents a ON a.collection = 'patients' AND a.id = p.first_id AND NOT a.deleted
         JOIN documents b ON b.collection = 'patients' AND b.id = p.second_id AND NOT b.deleted
         WHERE p.dismissed_at IS NULL
         ORDER BY p.score DESC, p.found_at, p.first_id
         LIMIT $1`,
        [limit],
      );
      return rows.map((row: Row): DuplicatePairRecord => ({
        firstId: text(row, 'first_id'),
        secondId: text(row, 'second_id'),
        score: integer(row, 'score'),
        reasons: JSON.parse(text(row, 'reasons')) as string[],
        foundAt: timestamp(row, 'found_at'),
        first: parse(text(row, 'first_data')),
        second: parse(text(row, 'second_data')),
      }));
    },

    async dismissDuplicatePair(pair, by, at) {
      const { rowCount } = await pool.query(
        `UPDATE duplicate_pairs SET
           dismissed_at = coalesce(dismissed_at, $1),
           dismissed_by_user = coalesce(dismissed_by_user, $2),
           dismissed_by_device = coalesce(dismissed_by_device, $3)
         WHERE first_id = $4 AND second_id = $5`,
        [at, by.userId, by.deviceId, pair.firstId, pair.secondId],
      );
      return (rowCount ?? 0) > 0;
    },

    async documentHistory(collection, id) {
      const { rows } = await pool.query(
        `SELECT v.seq, v.data, v.server_time, v.written_by_user, v.written_by_device,
                u.display_name, d.name AS device_name
         FROM document_versions v LEFT JOIN users u ON u.id = v.written_by_user
           LEFT JOIN devices d ON d.id = v.written_by_device
         WHERE v.collection = $1 AND v.id = $2
         ORDER BY v.seq`,
        [collection, id],
      );
      return rows.map((row: Row): DocumentVersionRecord => ({
        seq: integer(row, 'seq'),
        data: parse(text(row, 'data')),
        serverTime: timestamp(row, 'server_time'),
        userId: optionalText(row, 'written_by_user'),
        userName: optionalText(row, 'display_name'),
        deviceId: optionalText(row, 'written_by_device'),
        deviceName: optionalText(row, 'device_name'),
      }));
    },
  };
}
