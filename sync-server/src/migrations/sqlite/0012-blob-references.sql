-- Files by reference (issue 11, point 5): which stored record refers to which file, written in
-- the push transaction with the record. A file is read only by someone who may read a record that
-- refers to it (or by the person who uploaded it, until a record does). The uploader is kept so
-- that a file sent just before its record still reads back on the device that sent it.
CREATE TABLE blob_references (
  collection TEXT NOT NULL,
  document_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (collection, document_id, sha256)
);
CREATE INDEX blob_references_by_file ON blob_references (sha256);

CREATE TABLE blob_uploads (
  sha256 TEXT NOT NULL,
  user_id TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  PRIMARY KEY (sha256, user_id)
);

-- Records stored before this migration: their references, from their current state.
INSERT OR IGNORE INTO blob_references (collection, document_id, sha256)
SELECT d.collection, d.id, json_extract(j.value, '$.sha256')
FROM documents d, json_tree(d.data) j
WHERE j.type = 'object'
  AND json_type(j.value, '$.sha256') = 'text'
  AND json_type(j.value, '$.type') = 'text'
  AND length(json_extract(j.value, '$.sha256')) = 64;
