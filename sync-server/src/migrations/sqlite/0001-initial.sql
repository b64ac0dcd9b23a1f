-- Replicated documents of every collection. Server bookkeeping (seq, receive time, writer) lives in
-- columns beside the document, never inside `data`: the device compares `data` with the state it
-- assumed, so a field the server rewrote would turn its next edit into a conflict.
CREATE TABLE documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  -- Commit-ordered and unique across collections: the pull checkpoint.
  seq INTEGER NOT NULL UNIQUE,
  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  -- Canonical JSON of the wire document, `_deleted` included, exactly as the device pushed it.
  data TEXT NOT NULL,
  -- sha256 hex of `data`.
  data_hash TEXT NOT NULL,
  server_time TEXT NOT NULL,
  written_by_user TEXT,
  written_by_device TEXT,
  PRIMARY KEY (collection, id)
) STRICT;

CREATE INDEX documents_pull ON documents (collection, seq);

-- The single source of `seq`, incremented inside the writing transaction, so seq order is commit order.
CREATE TABLE seq_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
) STRICT;

INSERT INTO seq_counter (id, value) VALUES (1, 0);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

-- Only the sha256 of a session token is stored: a copy of the database cannot sign anyone in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id TEXT,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;

CREATE INDEX sessions_user ON sessions (user_id);

-- Devices that have synced; a shared front-desk tablet keeps its id and shows its latest user.
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL
) STRICT;
