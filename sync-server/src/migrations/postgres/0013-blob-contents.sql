-- Files in the database (ADR 17): with PostgreSQL, every server instance reads and writes the
-- files where it keeps the records, so several instances need no shared folder. A file is one
-- row of blob_files and its bytes in numbered chunks of blob_chunks, written in one transaction:
-- a reader finds the whole file or none of it. Content-addressed like the folder it replaces
-- (the address is the SHA-256 of the bytes), so a stored file never changes.
CREATE TABLE blob_files (
  sha256 TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  size INTEGER NOT NULL,
  chunks INTEGER NOT NULL,
  stored_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE blob_chunks (
  sha256 TEXT NOT NULL REFERENCES blob_files (sha256) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (sha256, n)
);
-- Photos and scans are compressed already: kept out of line as they are, not compressed again.
ALTER TABLE blob_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
