-- The same tables as migrations/sqlite/0001-initial.sql, in PostgreSQL types. Server bookkeeping
-- (seq, receive time, writer) lives in columns beside the document, never inside `data`: the
-- device compares `data` with the state it assumed, so a field the server rewrote would turn its
-- next edit into a conflict.
CREATE TABLE documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  -- Commit-ordered and unique across collections: the pull checkpoint. Taken from seq_counter,
  -- never from a SEQUENCE (see postgres-documents.ts for why).
  seq BIGINT NOT NULL UNIQUE,
  deleted BOOLEAN NOT NULL,
  -- Canonical JSON of the wire document, `_deleted` included, exactly as the device pushed it.
  -- TEXT, not JSONB: JSONB reorders keys and normalises numbers, so the bytes (and their hash)
  -- would no longer be the ones the device holds.
  data TEXT NOT NULL,
  -- sha256 hex of `data`.
  data_hash TEXT NOT NULL,
  server_time TIMESTAMPTZ NOT NULL,
  written_by_user TEXT,
  written_by_device TEXT,
  PRIMARY KEY (collection, id)
);

CREATE INDEX documents_pull ON documents (collection, seq);

-- The single source of `seq`. Its one row is locked by every writing transaction until commit,
-- so writers take seqs one after another and seq order is commit order.
CREATE TABLE seq_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);

INSERT INTO seq_counter (id, value) VALUES (1, 0);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active BOOLEAN NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

-- Usernames are unique without regard to case (SQLite: COLLATE NOCASE). Lookups use the same
-- expression so that they can use this index.
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));

-- Only the sha256 of a session token is stored: a copy of the database cannot sign anyone in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);

-- Devices that have synced; a shared front-desk tablet keeps its id and shows its latest user.
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  first_seen TIMESTAMPTZ NOT NULL,
  last_seen TIMESTAMPTZ NOT NULL
);
