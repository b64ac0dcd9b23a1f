-- The same tables as migrations/sqlite/0005-charts.sql, in PostgreSQL types.
CREATE TABLE chart_number_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  next_serial BIGINT NOT NULL
);
INSERT INTO chart_number_counter (id, next_serial) VALUES (1, 100000);

CREATE TABLE chart_number_blocks (
  request_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  first_serial BIGINT NOT NULL,
  last_serial BIGINT NOT NULL,
  reserved_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE patient_match_keys (
  match_key TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  PRIMARY KEY (match_key, patient_id)
);
CREATE INDEX patient_match_keys_by_patient ON patient_match_keys (patient_id);

CREATE TABLE duplicate_pairs (
  first_id TEXT NOT NULL,
  second_id TEXT NOT NULL,
  score INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  found_at TIMESTAMPTZ NOT NULL,
  dismissed_at TIMESTAMPTZ,
  dismissed_by_user TEXT,
  dismissed_by_device TEXT,
  PRIMARY KEY (first_id, second_id)
);
CREATE INDEX duplicate_pairs_open ON duplicate_pairs (dismissed_at, score);
