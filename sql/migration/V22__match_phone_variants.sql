-- Matching blocks on the hashes of a walk-in's phone with two adjacent digits swapped, as numbers given from memory
-- are written: computed in memory from the decrypted number, one page of open records at a time, and removed after
-- the page. No number is stored in clear.
CREATE TABLE etl_match_variant (
    run_id                       BIGINT NOT NULL,
    stg_id                       BIGINT NOT NULL,
    phone_hash                   CHAR(64) NOT NULL,
    PRIMARY KEY (run_id, stg_id, phone_hash)
);
CREATE INDEX ix_match_variant_hash ON etl_match_variant (phone_hash);
