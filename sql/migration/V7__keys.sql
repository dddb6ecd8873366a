-- Fingerprints (not the keys) of the keys a warehouse was built with: a night run with another matching key
-- would hash the same ID numbers differently and duplicate every person, so it is refused.
CREATE TABLE etl_key_fingerprint (
    purpose                      VARCHAR(20) NOT NULL PRIMARY KEY,   -- match
    fingerprint                  VARCHAR(64) NOT NULL,
    recorded_at                  DATETIME NOT NULL
);
