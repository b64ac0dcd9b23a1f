import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { DocumentWriter } from './store.ts';

/**
 * The part of the storage contract behind chart numbers, duplicate review and change history
 * (`Store.charts`). Both stores implement it; `chart-store.contract.ts` is its test suite.
 */
export interface ChartStore {
  /**
   * Reserves `count` consecutive chart serials for a device, never overlapping any other block
   * (also across server instances on one PostgreSQL). A request id this device sent before gets
   * its first block back, so a retry after a lost answer wastes nothing; the same id from
   * another device is another request and never gets that block.
   */
  reserveChartSerials(request: ChartSerialRequest): Promise<ChartSerialBlock>;

  /** The stored state of each of these documents that exists (deleted ones included). */
  currentDocuments(collection: string, ids: readonly string[]): Promise<WireDocument[]>;

  /**
   * Every stored patient (removed and merged ones too: a chart number is never reused) whose
   * chart number is one of these.
   */
  chartNumberHolders(chartNumbers: readonly string[]): Promise<ChartNumberHolder[]>;

  /** Patients (removed ones too) that have no blocking keys yet, at most `limit`. */
  patientsNotChecked(limit: number): Promise<WireDocument[]>;

  /** Replaces a patient's blocking keys (empty: forgets the patient, e.g. merged or removed). */
  setPatientMatchKeys(patientId: string, keys: readonly string[]): Promise<void>;
  /**
   * Current, not deleted patients other than `patientId` that share at least one key, at most
   * `limit` of them.
   */
  patientsSharingKeys(
    patientId: string,
    keys: readonly string[],
    limit: number,
  ): Promise<WireDocument[]>;

  /** Records likely duplicate pairs; a pair already known keeps its dismissal and first-found time. */
  recordDuplicatePairs(pairs: readonly DuplicatePairInput[], at: Date): Promise<void>;
  /** Drops the open pairs a patient is part of (it was merged away or removed). */
  closeDuplicatePairsOf(patientId: string): Promise<void>;
  /** Pairs nobody has dismissed, with both patients as stored now, highest score first. */
  listOpenDuplicatePairs(limit: number): Promise<DuplicatePairRecord[]>;
  /** Marks a pair "not the same person"; false when there is no such pair. Idempotent. */
  dismissDuplicatePair(
    pair: { firstId: string; secondId: string },
    by: DocumentWriter,
    at: Date,
  ): Promise<boolean>;

  /** Every stored version of one document, oldest first, with who wrote it from where. */
  documentHistory(collection: string, id: string): Promise<DocumentVersionRecord[]>;
}

export type ChartSerialRequest = {
  requestId: string;
  deviceId: string;
  userId: string;
  count: number;
  at: Date;
};

export type ChartSerialBlock = { first: number; last: number };

/** `firstId` sorts before `secondId`, so each pair has one key. */
export type ChartNumberHolder = { chartNumber: string; id: string };

export type DuplicatePairInput = {
  firstId: string;
  secondId: string;
  score: number;
  reasons: string[];
};

export type DuplicatePairRecord = DuplicatePairInput & {
  foundAt: Date;
  first: WireDocument;
  second: WireDocument;
};

export type DocumentVersionRecord = {
  seq: number;
  data: WireDocument;
  serverTime: Date;
  userId: string | null;
  userName: string | null;
  deviceId: string | null;
  /** The name staff gave the writing device, if any (Devices page). */
  deviceName: string | null;
};
