-- Person matching, version 8: persons registered without an ID number are matched to the person they are
-- (by blocking on normalised name + birth date, phone, birth date + county, then scoring), or parked until an
-- identified record of them arrives.
ALTER TABLE stg_person ADD COLUMN name_norm VARCHAR(500);
ALTER TABLE wh_person ADD COLUMN name_norm VARCHAR(500);
CREATE INDEX ix_stg_person_id ON stg_person (run_id, id_number_hash);
CREATE INDEX ix_stg_person_name ON stg_person (name_norm, birth_date);
CREATE INDEX ix_stg_person_phone ON stg_person (phone_hash);
CREATE INDEX ix_wh_person_name ON wh_person (name_norm, birth_date);
CREATE INDEX ix_wh_person_phone ON wh_person (phone_hash);
CREATE INDEX ix_wh_person_birth ON wh_person (birth_date, county_code);

-- Why a record without an ID number was merged into a person, or left for review: the score and its parts.
CREATE TABLE wh_match_evidence (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    stg_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    match_key                    CHAR(64) NOT NULL,      -- the person it was matched to (or the best candidate)
    score                        INT NOT NULL,
    decision                     VARCHAR(12) NOT NULL,   -- merged | review
    evidence                     VARCHAR(500) NOT NULL   -- e.g. name=exact(+4) birth=equal(+4) phone=transposed(+3)
);
CREATE INDEX ix_match_evidence_run ON wh_match_evidence (run_id, decision);
