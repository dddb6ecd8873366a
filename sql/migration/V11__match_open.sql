-- The records a night's matching must resolve, so that the candidate search is driven from these few rather
-- than from every staged person (working table of the merge).
CREATE TABLE etl_match_open (
    run_id                       BIGINT NOT NULL,
    stg_id                       BIGINT NOT NULL,
    PRIMARY KEY (run_id, stg_id)
);
CREATE INDEX ix_stg_person_birth ON stg_person (birth_date, county_code);
