// The little of PouchDB's browser build that the benchmark uses (the package ships no types).
declare module 'pouchdb-browser' {
  type ReplicationResult = { ok: boolean; docs_written: number };
  type Replication = Promise<ReplicationResult> & { cancel(): void };
  type ReplicationOptions = { live?: boolean; retry?: boolean; doc_ids?: string[] };
  type Doc = { _id: string; _rev: string } & Record<string, unknown>;
  type Changes = {
    on(event: 'change', listener: (change: { id: string; doc?: Doc }) => void): Changes;
    cancel(): void;
  };
  class PouchDB {
    constructor(name: string);
    replicate: {
      from(remote: string, options?: ReplicationOptions): Replication;
      to(remote: string, options?: ReplicationOptions): Replication;
    };
    changes(options: { live: true; since: 'now'; include_docs: true }): Changes;
    get(id: string): Promise<Doc>;
    put(doc: Doc): Promise<{ ok: boolean; rev: string }>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<void>;
  }
  export default PouchDB;
}
