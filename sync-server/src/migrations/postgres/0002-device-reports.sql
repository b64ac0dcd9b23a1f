-- The latest health report of each device (unsynced changes, since when, last sync), as the
-- JSON the device sent after validation, for the office manager's Devices page.
ALTER TABLE devices ADD COLUMN report TEXT;
ALTER TABLE devices ADD COLUMN reported_at TIMESTAMPTZ;
