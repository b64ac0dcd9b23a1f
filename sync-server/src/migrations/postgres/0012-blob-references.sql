-- As migrations/sqlite/0012-blob-references.sql.
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
  uploaded_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (sha256, user_id)
);

-- Records stored before this migration: their references, from their current state.
WITH RECURSIVE walk (collection, id, value) AS (
  SELECT collection, id, data::jsonb FROM documents
  UNION ALL
  SELECT w.collection, w.id, child.value
  FROM walk w,
    LATERAL (
      SELECT e.value FROM jsonb_each(CASE WHEN jsonb_typeof(w.value) = 'object' THEN w.value ELSE '{}'::jsonb END) e
      UNION ALL
      SELECT a.value FROM jsonb_array_elements(CASE WHEN jsonb_typeof(w.value) = 'array' THEN w.value ELSE '[]'::jsonb END) a
    ) child
)
INSERT INTO blob_references (collection, document_id, sha256)
SELECT DISTINCT collection, id, value ->> 'sha256'
FROM walk
WHERE jsonb_typeof(value) = 'object'
  AND jsonb_typeof(value -> 'sha256') = 'string'
  AND jsonb_typeof(value -> 'type') = 'string'
  AND length(value ->> 'sha256') = 64
ON CONFLICT DO NOTHING;
