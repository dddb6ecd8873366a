-- The source's own key of a quarantined or flagged record (masked where it is personal data): the position of a
-- database row that stays the same on every read, and a second handle on a file's record.
ALTER TABLE quarantine ADD COLUMN source_key VARCHAR(200);
ALTER TABLE dq_violation ADD COLUMN source_key VARCHAR(200);
