-- Every state the server ever stored of every document, one row per write (the seq it got).
-- A retried push whose answer was lost is recognised here even after later writes overtook it,
-- and it is the record of who changed what, when and from which device.
CREATE TABLE document_versions (
  seq BIGINT PRIMARY KEY,
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL,
  data_hash TEXT NOT NULL,
  server_time TIMESTAMPTZ NOT NULL,
  written_by_user TEXT,
  written_by_device TEXT
);
CREATE INDEX document_versions_by_state ON document_versions (collection, id, data_hash);

INSERT INTO document_versions
  (seq, collection, id, data, data_hash, server_time, written_by_user, written_by_device)
SELECT seq, collection, id, data, data_hash, server_time, written_by_user, written_by_device
FROM documents;
