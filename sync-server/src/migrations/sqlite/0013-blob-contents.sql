-- Nothing to do: PostgreSQL's 0013 moves files into the database (blob_files, blob_chunks) so
-- that several server instances share them. With SQLite there is one server, and files stay in
-- DATA_DIR/blobs (ADR 17). Kept so both stores count their migrations alike.
SELECT 1;
