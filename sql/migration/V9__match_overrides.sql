-- An administrator's word on a person without an ID number: `split` (never merge this record into that person
-- again) or `accept` (merge it into that person, as a review suggested). Matching obeys it on every later run.
CREATE TABLE wh_match_override (
    source_id                    VARCHAR(64) NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    match_key                    CHAR(64) NOT NULL,
    decision                     VARCHAR(8) NOT NULL,    -- split | accept
    decided_at                   DATETIME NOT NULL,
    PRIMARY KEY (source_id, source_key, match_key)
);

-- Survivorship, most complete: for each attribute a golden record lacks, the staged record of the night that
-- fills it (best priority first). Working table of the merge.
CREATE TABLE etl_fill (
    run_id                       BIGINT NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    column_name                  VARCHAR(64) NOT NULL,
    match_key                    CHAR(64) NOT NULL,
    stg_id                       BIGINT NOT NULL,
    PRIMARY KEY (run_id, entity, column_name, match_key)
);
