-- Devices get names staff choose ("Front desk tablet 2"), shown wherever a device is named, and
-- the office manager retires the ones no longer used (issue 10). A retired device leaves the
-- Devices page; if it is heard from again it comes back (its changes matter more than the tidy
-- list).
ALTER TABLE devices ADD COLUMN name TEXT;
ALTER TABLE devices ADD COLUMN retired_at TEXT;
