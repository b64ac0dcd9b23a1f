-- A chart-number request id is the device's own (issue 10): the same id sent by another device
-- is another request and never gets the first device's block back. Blocks are therefore keyed by
-- device and request id. SQLite cannot change a primary key in place: the table is copied.
CREATE TABLE chart_number_blocks_by_device (
  device_id TEXT NOT NULL,
  request_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  first_serial INTEGER NOT NULL,
  last_serial INTEGER NOT NULL,
  reserved_at TEXT NOT NULL,
  PRIMARY KEY (device_id, request_id)
) STRICT;
INSERT INTO chart_number_blocks_by_device
  (device_id, request_id, user_id, first_serial, last_serial, reserved_at)
SELECT device_id, request_id, user_id, first_serial, last_serial, reserved_at
FROM chart_number_blocks;
DROP TABLE chart_number_blocks;
ALTER TABLE chart_number_blocks_by_device RENAME TO chart_number_blocks;
