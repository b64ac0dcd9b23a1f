-- Sign-in throttling (services/login-throttle.ts decides what the numbers mean). A key is
-- 'account:<normalised username>' (also for names no account has, so that throttling does not
-- tell which exist) or 'address:<client address>'.

-- Per account: attempts since the last successful sign-in, counted when an attempt starts (so
-- attempts racing each other cannot all slip through one free slot), and since when it is locked
-- (until an administrator unlocks it).
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  consecutive_failures INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  locked_at TEXT
) STRICT;

-- One row per failed sign-in per key, for counts over a sliding window (24 h per account,
-- 15 min per address). Rows older than the longest window are deleted as failures come in.
CREATE TABLE login_failures (
  key TEXT NOT NULL,
  failed_at TEXT NOT NULL
) STRICT;
CREATE INDEX login_failures_by_key ON login_failures (key, failed_at);
CREATE INDEX login_failures_by_time ON login_failures (failed_at);
