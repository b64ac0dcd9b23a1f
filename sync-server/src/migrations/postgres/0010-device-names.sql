-- As migrations/sqlite/0010-device-names.sql.
ALTER TABLE devices ADD COLUMN name TEXT;
ALTER TABLE devices ADD COLUMN retired_at TIMESTAMPTZ;
