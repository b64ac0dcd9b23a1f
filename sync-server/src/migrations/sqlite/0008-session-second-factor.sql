-- Whether a session was opened with a second factor (docs/adr/0013). A person promoted into a
-- role that needs one (office manager, administrator) must not keep using that role on a session
-- opened with a password alone: such a session answers `second-factor-required` until they sign
-- in again with a code. Sessions from before this migration were opened without one.
ALTER TABLE sessions ADD COLUMN second_factor INTEGER NOT NULL DEFAULT 0 CHECK (second_factor IN (0, 1));
