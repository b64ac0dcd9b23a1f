import type { DatabaseSync } from 'node:sqlite';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { ChartStore, DocumentVersionRecord, DuplicatePairRecord } from '../chart-store.ts';
import { integer, optionalText, text } from './sqlite-row.ts';
import { settle } from './sqlite-settle.ts';
import { immediateTransaction } from './sqlite-transaction.ts';

const parse = (data: string) => JSON.parse(data) as WireDocument;

/** Chart numbers, duplicate review and change history on one SQLite connection. */
export function createSqliteCharts(db: DatabaseSync): ChartStore {
  const blockByRequest = db.prepare(
    'SELECT first_serial, last_serial FROM chart_number_blocks WHERE device_id = ? AND request_id = ?',
  );
  const takeSerials = db.prepare(
    'UPDATE chart_number_counter SET next_serial = next_serial + ? WHERE id = 1 RETURNING next_serial',
  );
  const insertBlock = db.prepare(`
    INSERT INTO chart_number_blocks
      (request_id, device_id, user_id, first_serial, last_serial, reserved_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const current = db.prepare(
    'SELECT data FROM documents WHERE collection = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id',
  );
  const notChecked = db.prepare(`
    SELECT d.data FROM documents d
    WHERE d.collection = 'patients' AND json_extract(d.data, '$.kind') = 'patient'
      AND NOT EXISTS (SELECT 1 FROM patient_match_keys k WHERE k.patient_id = d.id)
    ORDER BY d.seq LIMIT ?`);
  const deleteKeys = db.prepare('DELETE FROM patient_match_keys WHERE patient_id = ?');
  const insertKey = db.prepare(
    'INSERT OR IGNORE INTO patient_match_keys (match_key, patient_id) VALUES (?, ?)',
  );
  const sharing = db.prepare(`
    SELECT d.data FROM documents d
    WHERE d.collection = 'patients' AND d.deleted = 0 AND d.id IN (
      SELECT patient_id FROM patient_match_keys
      WHERE match_key IN (SELECT value FROM json_each(?)) AND patient_id <> ?)
    ORDER BY d.id LIMIT ?`);
  // INDEXED BY: without statistics the planner would scan every patient by the primary key.
  const holders = db.prepare(`
    SELECT id, json_extract(data, '$.chartNumber') AS chart_number
    FROM documents INDEXED BY documents_chart_number
    WHERE collection = 'patients'
      AND json_extract(data, '$.chartNumber') IN (SELECT value FROM json_each(?))
    ORDER BY id`);
  const upsertPair = db.prepare(`
    INSERT INTO duplicate_pairs (first_id, second_id, score, reasons, found_at)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (first_id, second_id) DO UPDATE SET
      score = excluded.score, reasons = excluded.reasons`);
  const closePairs = db.prepare(
    'DELETE FROM duplicate_pairs WHERE dismissed_at IS NULL AND (first_id = ? OR second_id = ?)',
  );
  const openPairs = db.prepare(`
    SELECT p.first_id, p.second_id, p.score, p.reasons, p.found_at,
           a.data AS first_data, b.data AS second_data
    FROM duplicate_pairs p
    JOIN documents a ON a.collection = 'patients' AND a.id = p.first_id AND a.deleted = 0
    JOIN documents b ON b.collection = 'patients' AND b.id = p.second_id AND b.deleted = 0
    WHERE p.dismissed_at IS NULL
    ORDER BY p.score DESC, p.found_at, p.first_id
    LIMIT ?`);
  const dismiss = db.prepare(`
    UPDATE duplicate_pairs SET
      dismissed_at = coalesce(dismissed_at, ?),
      dismissed_by_user = coalesce(dismissed_by_user, ?),
      dismissed_by_device = coalesce(dismissed_by_device, ?)
    WHERE first_id = ? AND second_id = ?`);
  const history = db.prepare(`
    SELECT v.seq, v.data, v.server_time, v.written_by_user, v.written_by_device,
           u.display_name, d.name AS device_name
    FROM document_versions v LEFT JOIN users u ON u.id = v.written_by_user
      LEFT JOIN devices d ON d.id = v.written_by_device
    WHERE v.collection = ? AND v.id = ?
    ORDER BY v.seq`);

  // node:sqlite is synchronous; each method settles at once.
  return {
    reserveChartSerials: (request) =>
      settle(() =>
        immediateTransaction(db, () => {
          // The request id is the device's own: another device's replay of it is a new request.
          const known = blockByRequest.get(request.deviceId, request.requestId);
          if (known)
            return { first: integer(known, 'first_serial'), last: integer(known, 'last_serial') };
          const next = integer(takeSerials.get(request.count) ?? {}, 'next_serial');
          const block = { first: next - request.count, last: next - 1 };
          insertBlock.run(
            request.requestId,
            request.deviceId,
            request.userId,
            block.first,
            block.last,
            request.at.toISOString(),
          );
          return block;
        }),
      ),

    currentDocuments: (collection, ids) =>
      settle(() =>
        current.all(collection, JSON.stringify(ids)).map((row) => parse(text(row, 'data'))),
      ),

    chartNumberHolders: (chartNumbers) =>
      settle(() =>
        chartNumbers.length === 0
          ? []
          : holders.all(JSON.stringify(chartNumbers)).map((row) => ({
              chartNumber: text(row, 'chart_number'),
              id: text(row, 'id'),
            })),
      ),

    patientsNotChecked: (limit) =>
      settle(() => notChecked.all(limit).map((row) => parse(text(row, 'data')))),

    setPatientMatchKeys: (patientId, keys) =>
      settle(() =>
        immediateTransaction(db, () => {
          deleteKeys.run(patientId);
          for (const key of keys) insertKey.run(key, patientId);
        }),
      ),

    patientsSharingKeys: (patientId, keys, limit) =>
      settle(() =>
        sharing.all(JSON.stringify(keys), patientId, limit).map((row) => parse(text(row, 'data'))),
      ),

    recordDuplicatePairs: (pairs, at) =>
      settle(() =>
        immediateTransaction(db, () => {
          for (const pair of pairs)
            upsertPair.run(
              pair.firstId,
              pair.secondId,
              pair.score,
              JSON.stringify(pair.reasons),
              at.toISOString(),
            );
        }),
      ),

    closeDuplicatePairsOf: (patientId) =>
      settle(() => {
        closePairs.run(patientId, patientId);
      }),

    listOpenDuplicatePairs: (limit) =>
      settle(() =>
        openPairs.all(limit).map((row): DuplicatePairRecord => ({
          firstId: text(row, 'first_id'),
          secondId: text(row, 'second_id'),
          score: integer(row, 'score'),
          reasons: JSON.parse(text(row, 'reasons')) as string[],
          foundAt: new Date(text(row, 'found_at')),
          first: parse(text(row, 'first_data')),
          second: parse(text(row, 'second_data')),
        })),
      ),

    dismissDuplicatePair: (pair, by, at) =>
      settle(
        () =>
          Number(
            dismiss.run(at.toISOString(), by.userId, by.deviceId, pair.firstId, pair.secondId)
              .changes,
          ) > 0,
      ),

    documentHistory: (collection, id) =>
      settle(() =>
        history.all(collection, id).map((row): DocumentVersionRecord => ({
          seq: integer(row, 'seq'),
          data: parse(text(row, 'data')),
          serverTime: new Date(text(row, 'server_time')),
          userId: optionalText(row, 'written_by_user'),
          userName: optionalText(row, 'display_name'),
          deviceId: optionalText(row, 'written_by_device'),
          deviceName: optionalText(row, 'device_name'),
        })),
      ),
  };
}
