-- The same as migrations/sqlite/0007-second-factor.sql, in PostgreSQL types.
-- TOTP second-factor sign-in (services/second-factor.service.ts, docs/adr/0013).

-- The demo clinic's accounts (seeded by `--demo`, passwords printed on every start) are exempt
-- from the second factor; every other account of a second-factor role must enrol. Only seeding
-- sets this: accounts made before this migration count as real accounts.
ALTER TABLE users ADD COLUMN demo_account BOOLEAN NOT NULL DEFAULT FALSE;

-- One confirmed TOTP secret per person (base32, 160 bits from the CSPRNG), and the newest time
-- step a code of theirs was accepted for: a code is accepted once, and never one of a step at or
-- before this one. Never sent to a device after enrolment; an administrator's reset deletes it.
CREATE TABLE second_factors (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  totp_secret TEXT NOT NULL,
  enrolled_at TIMESTAMPTZ NOT NULL,
  last_used_step BIGINT NOT NULL
);

-- A correct password of a person who still owes a code: not a session. Like sessions, only the
-- sha256 of the token is kept. It can take a code (or, before enrolment, offer a secret and take
-- its first code) until it expires, and is deleted when it becomes a session.
CREATE TABLE pending_sign_ins (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  -- The secret offered to a person enrolling, until they confirm it with a code.
  enrolment_secret TEXT
);
CREATE INDEX pending_sign_ins_user ON pending_sign_ins (user_id);
CREATE INDEX pending_sign_ins_expiry ON pending_sign_ins (expires_at);
