-- Data quality, version 4: every violation kept per rule, parking of records whose references have not
-- arrived, per-source error limits, and the data-quality mart.

-- Quarantined records keep the original (encrypted) and the run that read them (a parked record may be
-- quarantined by a later run when its reference never arrives).
ALTER TABLE quarantine ADD COLUMN origin_run_id BIGINT;
ALTER TABLE quarantine ADD COLUMN payload_enc TEXT;
UPDATE quarantine SET origin_run_id = run_id WHERE origin_run_id IS NULL;

-- Every rule every record broke, errors and warnings alike (a warning loads the record and flags it here).
CREATE TABLE dq_violation (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    rule_code                    VARCHAR(40) NOT NULL,
    severity                     VARCHAR(8) NOT NULL,    -- ERROR | WARNING | PARK
    field_name                   VARCHAR(64),
    detail                       VARCHAR(500)
);
CREATE INDEX ix_dq_violation_run ON dq_violation (run_id, source_id, rule_code);

-- Staged records held back until the person, employer or enterprise they refer to arrives.
CREATE TABLE etl_parked (
    entity                       VARCHAR(20) NOT NULL,
    stg_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    rule_code                    VARCHAR(40) NOT NULL,
    first_run_id                 BIGINT NOT NULL,
    first_run_date               DATE NOT NULL,
    PRIMARY KEY (entity, stg_id)
);

-- carried = 1 when the staged record was read by an earlier run and parked until now.
ALTER TABLE etl_outcome ADD COLUMN carried INT NOT NULL DEFAULT 0;

ALTER TABLE etl_reconciliation ADD COLUMN parked_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE etl_reconciliation ADD COLUMN held_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE etl_reconciliation ADD COLUMN released_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE etl_reconciliation ADD COLUMN expired_count BIGINT NOT NULL DEFAULT 0;

-- Per run and source: whether the source stayed within its error limit.
CREATE TABLE etl_source_status (
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    status                       VARCHAR(12) NOT NULL,   -- LOADED | FAILED
    read_count                   BIGINT NOT NULL,
    quarantined_count            BIGINT NOT NULL,
    held_count                   BIGINT NOT NULL,
    message                      VARCHAR(2000),
    PRIMARY KEY (run_id, source_id)
);

-- Data-quality figures per run, source and entity, for downstream use (rebuilt from etl_reconciliation).
CREATE TABLE mart_data_quality (
    run_id                       BIGINT NOT NULL,
    run_date                     DATE NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    read_count                   BIGINT NOT NULL,
    loaded_count                 BIGINT NOT NULL,        -- new + updated + unchanged
    merged_count                 BIGINT NOT NULL,
    quarantined_count            BIGINT NOT NULL,
    parked_count                 BIGINT NOT NULL,
    held_count                   BIGINT NOT NULL,
    reject_rate                  DECIMAL(7,4) NOT NULL,  -- quarantined / read (0 when nothing was read)
    PRIMARY KEY (run_id, source_id, entity)
);

-- A restarted partition clears one source's staging rows of a run without touching the others'.
CREATE INDEX ix_stg_station_source ON stg_station (run_id, source_id);
CREATE INDEX ix_stg_employer_source ON stg_employer (run_id, source_id);
CREATE INDEX ix_stg_person_source ON stg_person (run_id, source_id);
CREATE INDEX ix_stg_staff_source ON stg_staff (run_id, source_id);
CREATE INDEX ix_stg_posting_source ON stg_posting (run_id, source_id);
CREATE INDEX ix_stg_service_source ON stg_service (run_id, source_id);
CREATE INDEX ix_stg_placement_source ON stg_placement (run_id, source_id);
CREATE INDEX ix_stg_gig_match_source ON stg_gig_match (run_id, source_id);
CREATE INDEX ix_stg_liaison_source ON stg_liaison (run_id, source_id);
CREATE INDEX ix_stg_agency_report_source ON stg_agency_report (run_id, source_id);
