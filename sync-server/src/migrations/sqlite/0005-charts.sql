-- Chart numbers (ADR 9). The next serial to hand out; blocks are taken from it in one statement
-- inside a write transaction, so two requests never get overlapping numbers.
CREATE TABLE chart_number_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  next_serial INTEGER NOT NULL
) STRICT;
INSERT INTO chart_number_counter (id, next_serial) VALUES (1, 100000);

-- Every block reserved, for whom and when. The device's request id makes a retried request
-- (whose answer got lost) get the same block back instead of a second one.
CREATE TABLE chart_number_blocks (
  request_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  first_serial INTEGER NOT NULL,
  last_serial INTEGER NOT NULL,
  reserved_at TEXT NOT NULL
) STRICT;

-- Blocking keys of every patient (date of birth, sounds-like name, phone, email): the server
-- compares a synced patient only with patients sharing a key, never with every other patient.
CREATE TABLE patient_match_keys (
  match_key TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  PRIMARY KEY (match_key, patient_id)
) STRICT;
CREATE INDEX patient_match_keys_by_patient ON patient_match_keys (patient_id);

-- Likely duplicate pairs found after sync (first_id < second_id), for review. A pair someone
-- marked "not the same person" keeps that decision and is not raised again.
CREATE TABLE duplicate_pairs (
  first_id TEXT NOT NULL,
  second_id TEXT NOT NULL,
  score INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  found_at TEXT NOT NULL,
  dismissed_at TEXT,
  dismissed_by_user TEXT,
  dismissed_by_device TEXT,
  PRIMARY KEY (first_id, second_id)
) STRICT;
CREATE INDEX duplicate_pairs_open ON duplicate_pairs (dismissed_at, score);
