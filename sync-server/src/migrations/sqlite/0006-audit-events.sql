-- The audit trail (shared/src/audit/audit-event.ts): append-only, one row per event, each row
-- holding the hash of the one before it. Never updated or deleted by ClinicDesk; the triggers
-- below make an accidental UPDATE or DELETE fail (they do not stop someone with the file, which
-- is what the hash chain and `pnpm run audit:verify` are for).
CREATE TABLE audit_events (
  -- 1, 2, 3, … without gaps, taken under the write lock: the order of the chain.
  position INTEGER PRIMARY KEY,
  -- Unique: a device generates it, so a retried upload is recognised and not stored twice.
  event_id TEXT NOT NULL UNIQUE,
  action TEXT NOT NULL,
  user_id TEXT,
  username TEXT,
  device_id TEXT,
  device_time TEXT,
  server_time TEXT NOT NULL,
  collection TEXT,
  record_id TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_events_by_user ON audit_events (user_id, position);
CREATE INDEX audit_events_by_record ON audit_events (record_id, position);
CREATE INDEX audit_events_by_time ON audit_events (server_time);

-- The end of the chain: without it, deleting the newest entries would leave a shorter chain that
-- still verifies.
CREATE TABLE audit_chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  position INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_chain_head (id, position, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
