-- As migrations/sqlite/0009-chart-blocks-per-device.sql: a chart-number request id is the
-- device's own, so blocks are keyed by device and request id.
ALTER TABLE chart_number_blocks DROP CONSTRAINT chart_number_blocks_pkey;
ALTER TABLE chart_number_blocks ADD PRIMARY KEY (device_id, request_id);
