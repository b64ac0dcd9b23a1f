-- The schema version of the documents stored in each sync partition (ADR 15). A partition's
-- documents are brought to the version its registry declares by the partition's own pure
-- migrations (storage/document-migrations.ts), the same steps every device runs on its copy, so
-- that server and devices hold the same states afterwards. The rows below are the versions the
-- stored documents had when the server began to track them.
CREATE TABLE partition_versions (
  partition TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) STRICT;
INSERT INTO partition_versions (partition, version) VALUES
  ('patients', 3),
  ('chartMerges', 0),
  ('visits', 0);
