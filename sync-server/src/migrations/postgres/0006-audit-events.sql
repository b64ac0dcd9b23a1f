-- The same tables as migrations/sqlite/0006-audit-events.sql. Times are kept as the ISO 8601
-- text the hash was taken over, so that the stored bytes are exactly the hashed ones.
CREATE TABLE audit_events (
  -- 1, 2, 3, … without gaps, taken while holding the audit_chain_head row lock: the chain order,
  -- the same whichever server instance or connection appends.
  position BIGINT PRIMARY KEY,
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
);
CREATE INDEX audit_events_by_user ON audit_events (user_id, position);
CREATE INDEX audit_events_by_record ON audit_events (record_id, position);
CREATE INDEX audit_events_by_time ON audit_events (server_time);

-- The end of the chain, and the lock every append takes first (after seq_counter when inside a
-- push), so that appends are serialised and positions follow commit order.
CREATE TABLE audit_chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  position BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, position, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
