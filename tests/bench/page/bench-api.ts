import type { PatientForm } from '@clinicdesk/shared/patients/patient-form.ts';

/** What the benchmark page offers to `pnpm bench` (run.ts drives it with page.evaluate). */
export type BenchApi = {
  /** Per-keystroke times (ms) of the app's search and of the raw IndexedDB prefix lookup. */
  search(input: {
    dataUrl: string;
    keystrokes: Keystroke[];
    warmup: Keystroke[];
  }): Promise<SearchRun>;
  signIn(credentials: { username: string; password: string }): Promise<void>;
  /** Saves each form through the app and, interleaved, puts the saved record with raw IndexedDB. */
  save(input: {
    forms: PatientForm[];
    warmup: number;
  }): Promise<{ appMs: number[]; rawMs: number[] }>;
  /** A new device's first sync through the app's replication, until every patient is local. */
  firstSync(input: { expected: number }): Promise<{ ms: number; count: number }>;
  /** The same documents, fetched untimed, then written with one raw strict transaction. */
  rawBulkWrite(input: { expected: number }): Promise<{ ms: number; count: number }>;
  /** PouchDB replicating the same documents from the PouchDB server serving this page. */
  pouchFirstSync(input: {
    database: string;
    expected: number;
  }): Promise<{ ms: number; count: number }>;
  /** Opens the app's database with replication and the live stream, as a signed-in tablet does. */
  startLiveDevice(input: { expected: number }): Promise<void>;
  /**
   * The baseline device: PouchDB with live replication against the PouchDB server serving this
   * page — the watcher syncs every patient first and then pulls live, the editor fetches only the
   * patients it edits and pushes live.
   */
  startPouchDevice(input: {
    database: string;
    role: 'watcher' | 'editor';
    ids: string[];
    expected: number;
  }): Promise<void>;
  pouchWatchFor(input: { id: string; value: string }): Promise<void>;
  pouchEditMiddleName(input: { id: string; value: string }): Promise<number>;
  /** Starts watching for a patient's middle name to become `value` on this device. */
  watchFor(input: { id: string; value: string }): Promise<void>;
  /** When (epoch ms, sub-millisecond) the watched value appeared (app or PouchDB). */
  seenAt(): Promise<number>;
  /** Saves an edit of the patient's middle name through the app; returns when it started. */
  editMiddleName(input: { id: string; value: string }): Promise<number>;
};

/** The search box's text after one keystroke; `complete` once a whole family name is typed. */
export type Keystroke = { text: string; complete: boolean };

export type SearchRun = {
  patients: number;
  /** Building the app's search index once the patients are loaded. */
  prepareMs: number;
  appMs: number[];
  rawMs: number[];
  /** Of the keystrokes completing a family name, how many listed someone with that name. */
  found: { app: number; raw: number; complete: number };
};

declare global {
  interface Window {
    bench: BenchApi;
  }
}
