-- employment-hub warehouse, version 1.
-- Accepted by MySQL 8, MariaDB 10.11 and H2 in MySQL mode. Personal data (ID numbers, phones) is never
-- stored in plain text: *_hash is a keyed HMAC to match on, *_enc AES-GCM ciphertext, *_masked for display.

-- Administrative divisions of Hunan (NBS 2023), loaded by migration V1_1 from the bundled reference.
CREATE TABLE wh_region (
    code                         VARCHAR(12) NOT NULL PRIMARY KEY,
    name                         VARCHAR(100) NOT NULL,
    level                        VARCHAR(12) NOT NULL,
    kind                         VARCHAR(20) NOT NULL,
    parent_code                  VARCHAR(12),
    city_code                    VARCHAR(4),
    county_code                  VARCHAR(6)
);
CREATE INDEX ix_wh_region_level ON wh_region (level, kind);

-- One row per nightly run (run_id is the Spring Batch job instance id; a restart keeps it).
CREATE TABLE etl_run (
    run_id                       BIGINT NOT NULL PRIMARY KEY,
    run_date                     DATE NOT NULL,
    started_at                   DATETIME NOT NULL,
    finished_at                  DATETIME,
    status                       VARCHAR(20) NOT NULL,
    message                      VARCHAR(2000)
);

-- Landing area: every record as received, encrypted, with where it came from.
CREATE TABLE landing_record (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200),
    outcome                      VARCHAR(12) NOT NULL,
    payload_enc                  TEXT NOT NULL,
    payload_masked               TEXT NOT NULL
);
CREATE INDEX ix_landing_run ON landing_record (run_id, source_id, entity);

-- Records that broke an error rule: every rule, with a masked copy to show auditors.
CREATE TABLE quarantine (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    rule_code                    VARCHAR(40) NOT NULL,
    field_name                   VARCHAR(64),
    detail                       VARCHAR(500),
    all_rules                    VARCHAR(500) NOT NULL,
    payload_masked               TEXT NOT NULL
);
CREATE INDEX ix_quarantine_run ON quarantine (run_id, source_id, entity);
CREATE INDEX ix_quarantine_rule ON quarantine (rule_code, run_id);

-- What each run read from each unit (file or table); copied into the watermarks when the run succeeds.
CREATE TABLE etl_extract_log (
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    unit_label                   VARCHAR(255) NOT NULL,
    fingerprint                  VARCHAR(64),
    watermark                    VARCHAR(40),
    rows_read                    BIGINT NOT NULL,
    rows_skipped                 BIGINT NOT NULL,
    PRIMARY KEY (run_id, source_id, entity, unit_label)
);

CREATE TABLE etl_watermark (
    source_id                    VARCHAR(64) NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    watermark                    VARCHAR(40) NOT NULL,
    run_id                       BIGINT NOT NULL,
    PRIMARY KEY (source_id, entity)
);

CREATE TABLE etl_source_file (
    source_id                    VARCHAR(64) NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    sha256                       CHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    run_id                       BIGINT NOT NULL,
    PRIMARY KEY (source_id, entity, sha256)
);

-- The fate of every staged record of a run: new, updated, unchanged or merged (a duplicate).
CREATE TABLE etl_outcome (
    run_id                       BIGINT NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    stg_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    outcome                      VARCHAR(12) NOT NULL,
    PRIMARY KEY (run_id, entity, stg_id)
);

-- Per run, source and entity: read = new + updated + unchanged + merged + quarantined.
CREATE TABLE etl_reconciliation (
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    read_count                   BIGINT NOT NULL,
    new_count                    BIGINT NOT NULL,
    updated_count                BIGINT NOT NULL,
    unchanged_count              BIGINT NOT NULL,
    merged_count                 BIGINT NOT NULL,
    quarantined_count            BIGINT NOT NULL,
    skipped_rows                 BIGINT NOT NULL,
    PRIMARY KEY (run_id, source_id, entity)
);

-- Cross-reference: which golden record each (source system, source key) became.
CREATE TABLE wh_xref (
    entity                       VARCHAR(20) NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    match_key                    CHAR(64) NOT NULL,
    created_run_id               BIGINT NOT NULL,
    PRIMARY KEY (entity, source_id, source_key)
);
CREATE INDEX ix_wh_xref_match ON wh_xref (entity, match_key);

-- station: staging (valid records of a run, before merging)
CREATE TABLE stg_station (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    priority                     INT NOT NULL,
    src_updated_at               DATETIME,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    county_code                  VARCHAR(6),
    station_code                 VARCHAR(64),
    name                         VARCHAR(500),
    station_type                 VARCHAR(32),
    region                       VARCHAR(12),
    opened_on                    DATE
);
CREATE INDEX ix_stg_station_run ON stg_station (run_id, match_key);

-- station: golden records, one per match key
CREATE TABLE wh_station (
    station_id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    src_source_id                VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    county_code                  VARCHAR(6),
    created_run_id               BIGINT NOT NULL,
    updated_run_id               BIGINT NOT NULL,
    station_code                 VARCHAR(64),
    name                         VARCHAR(500),
    station_type                 VARCHAR(32),
    region                       VARCHAR(12),
    opened_on                    DATE,
    CONSTRAINT uk_wh_station UNIQUE (match_key)
);

-- employer: staging (valid records of a run, before merging)
CREATE TABLE stg_employer (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    priority                     INT NOT NULL,
    src_updated_at               DATETIME,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    county_code                  VARCHAR(6),
    credit_code                  VARCHAR(18),
    name                         VARCHAR(500),
    region                       VARCHAR(12),
    industry                     VARCHAR(32),
    key_enterprise               BOOLEAN
);
CREATE INDEX ix_stg_employer_run ON stg_employer (run_id, match_key);

-- employer: golden records, one per match key
CREATE TABLE wh_employer (
    employer_id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    src_source_id                VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    county_code                  VARCHAR(6),
    created_run_id               BIGINT NOT NULL,
    updated_run_id               BIGINT NOT NULL,
    credit_code                  VARCHAR(18),
    name                         VARCHAR(500),
    region                       VARCHAR(12),
    industry                     VARCHAR(32),
    key_enterprise               BOOLEAN,
    CONSTRAINT uk_wh_employer UNIQUE (match_key)
);

-- person: staging (valid records of a run, before merging)
CREATE TABLE stg_person (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    priority                     INT NOT NULL,
    src_updated_at               DATETIME,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    county_code                  VARCHAR(6),
    id_number_hash               CHAR(64),
    id_number_enc                VARCHAR(100),
    id_number_masked             VARCHAR(24),
    name                         VARCHAR(500),
    gender                       VARCHAR(32),
    birth_date                   DATE,
    phone_hash                   CHAR(64),
    phone_enc                    VARCHAR(100),
    phone_masked                 VARCHAR(24),
    household_region             VARCHAR(12),
    residence_region             VARCHAR(12),
    education                    VARCHAR(32),
    employment_status            VARCHAR(32),
    categories                   VARCHAR(200),
    job_intention                VARCHAR(500),
    registered_on                DATE,
    station_code                 VARCHAR(64),
    channel                      VARCHAR(32)
);
CREATE INDEX ix_stg_person_run ON stg_person (run_id, match_key);

-- person: golden records, one per match key
CREATE TABLE wh_person (
    person_id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    src_source_id                VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    county_code                  VARCHAR(6),
    created_run_id               BIGINT NOT NULL,
    updated_run_id               BIGINT NOT NULL,
    id_number_hash               CHAR(64),
    id_number_enc                VARCHAR(100),
    id_number_masked             VARCHAR(24),
    name                         VARCHAR(500),
    gender                       VARCHAR(32),
    birth_date                   DATE,
    phone_hash                   CHAR(64),
    phone_enc                    VARCHAR(100),
    phone_masked                 VARCHAR(24),
    household_region             VARCHAR(12),
    residence_region             VARCHAR(12),
    education                    VARCHAR(32),
    employment_status            VARCHAR(32),
    categories                   VARCHAR(200),
    job_intention                VARCHAR(500),
    registered_on                DATE,
    station_code                 VARCHAR(64),
    channel                      VARCHAR(32),
    CONSTRAINT uk_wh_person UNIQUE (match_key)
);

-- staff: staging (valid records of a run, before merging)
CREATE TABLE stg_staff (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    priority                     INT NOT NULL,
    src_updated_at               DATETIME,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    county_code                  VARCHAR(6),
    staff_code                   VARCHAR(64),
    name                         VARCHAR(500),
    role                         VARCHAR(32),
    station_code                 VARCHAR(64),
    region                       VARCHAR(12),
    expert_level                 VARCHAR(32),
    phone_hash                   CHAR(64),
    phone_enc                    VARCHAR(100),
    phone_masked                 VARCHAR(24)
);
CREATE INDEX ix_stg_staff_run ON stg_staff (run_id, match_key);

-- staff: golden records, one per match key
CREATE TABLE wh_staff (
    staff_id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    src_source_id                VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    county_code                  VARCHAR(6),
    created_run_id               BIGINT NOT NULL,
    updated_run_id               BIGINT NOT NULL,
    staff_code                   VARCHAR(64),
    name                         VARCHAR(500),
    role                         VARCHAR(32),
    station_code                 VARCHAR(64),
    region                       VARCHAR(12),
    expert_level                 VARCHAR(32),
    phone_hash                   CHAR(64),
    phone_enc                    VARCHAR(100),
    phone_masked                 VARCHAR(24),
    CONSTRAINT uk_wh_staff UNIQUE (match_key)
);

-- posting: staging (valid records of a run, before merging)
CREATE TABLE stg_posting (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    priority                     INT NOT NULL,
    src_updated_at               DATETIME,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    county_code                  VARCHAR(6),
    posting_key                  VARCHAR(500),
    employer_credit_code         VARCHAR(18),
    title                        VARCHAR(500),
    headcount                    BIGINT,
    pay_min                      DECIMAL(14,2),
    pay_max                      DECIMAL(14,2),
    pay_period                   VARCHAR(32),
    insurance                    BOOLEAN,
    region                       VARCHAR(12),
    posted_on                    DATE,
    expires_on                   DATE,
    form                         VARCHAR(32)
);
CREATE INDEX ix_stg_posting_run ON stg_posting (run_id, match_key);

-- posting: golden records, one per match key
CREATE TABLE wh_posting (
    posting_id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    src_source_id                VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    county_code                  VARCHAR(6),
    created_run_id               BIGINT NOT NULL,
    updated_run_id               BIGINT NOT NULL,
    posting_key                  VARCHAR(500),
    employer_credit_code         VARCHAR(18),
    title                        VARCHAR(500),
    headcount                    BIGINT,
    pay_min                      DECIMAL(14,2),
    pay_max                      DECIMAL(14,2),
    pay_period                   VARCHAR(32),
    insurance                    BOOLEAN,
    region                       VARCHAR(12),
    posted_on                    DATE,
    expires_on                   DATE,
    form                         VARCHAR(32),
    CONSTRAINT uk_wh_posting UNIQUE (match_key)
);

-- service: staging (valid records of a run, before merging)
CREATE TABLE stg_service (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    priority                     INT NOT NULL,
    src_updated_at               DATETIME,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    county_code                  VARCHAR(6),
    person_id_number_hash        CHAR(64),
    person_id_number_enc         VARCHAR(100),
    person_id_number_masked      VARCHAR(24),
    station_code                 VARCHAR(64),
    staff_code                   VARCHAR(64),
    service_type                 VARCHAR(32),
    served_on                    DATE
);
CREATE INDEX ix_stg_service_run ON stg_service (run_id, match_key);

-- service: golden records, one per match key
CREATE TABLE wh_service (
    service_id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    src_source_id                VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    county_code                  VARCHAR(6),
    created_run_id               BIGINT NOT NULL,
    updated_run_id               BIGINT NOT NULL,
    person_id_number_hash        CHAR(64),
    person_id_number_enc         VARCHAR(100),
    person_id_number_masked      VARCHAR(24),
    station_code                 VARCHAR(64),
    staff_code                   VARCHAR(64),
    service_type                 VARCHAR(32),
    served_on                    DATE,
    CONSTRAINT uk_wh_service UNIQUE (match_key)
);

-- placement: staging (valid records of a run, before merging)
CREATE TABLE stg_placement (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    priority                     INT NOT NULL,
    src_updated_at               DATETIME,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    county_code                  VARCHAR(6),
    person_id_number_hash        CHAR(64),
    person_id_number_enc         VARCHAR(100),
    person_id_number_masked      VARCHAR(24),
    employer_credit_code         VARCHAR(18),
    employer_name                VARCHAR(500),
    started_on                   DATE,
    wage                         DECIMAL(14,2),
    pay_period                   VARCHAR(32),
    channel                      VARCHAR(32),
    form                         VARCHAR(32),
    insurance                    BOOLEAN,
    region                       VARCHAR(12)
);
CREATE INDEX ix_stg_placement_run ON stg_placement (run_id, match_key);

-- placement: golden records, one per match key
CREATE TABLE wh_placement (
    placement_id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    src_source_id                VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    county_code                  VARCHAR(6),
    created_run_id               BIGINT NOT NULL,
    updated_run_id               BIGINT NOT NULL,
    person_id_number_hash        CHAR(64),
    person_id_number_enc         VARCHAR(100),
    person_id_number_masked      VARCHAR(24),
    employer_credit_code         VARCHAR(18),
    employer_name                VARCHAR(500),
    started_on                   DATE,
    wage                         DECIMAL(14,2),
    pay_period                   VARCHAR(32),
    channel                      VARCHAR(32),
    form                         VARCHAR(32),
    insurance                    BOOLEAN,
    region                       VARCHAR(12),
    CONSTRAINT uk_wh_placement UNIQUE (match_key)
);

-- gig_match: staging (valid records of a run, before merging)
CREATE TABLE stg_gig_match (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    priority                     INT NOT NULL,
    src_updated_at               DATETIME,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    county_code                  VARCHAR(6),
    market_code                  VARCHAR(64),
    worker_id_number_hash        CHAR(64),
    worker_id_number_enc         VARCHAR(100),
    worker_id_number_masked      VARCHAR(24),
    employer_name                VARCHAR(500),
    task                         VARCHAR(500),
    work_date                    DATE,
    daily_wage                   DECIMAL(14,2),
    meals                        BOOLEAN
);
CREATE INDEX ix_stg_gig_match_run ON stg_gig_match (run_id, match_key);

-- gig_match: golden records, one per match key
CREATE TABLE wh_gig_match (
    gig_match_id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    src_source_id                VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    county_code                  VARCHAR(6),
    created_run_id               BIGINT NOT NULL,
    updated_run_id               BIGINT NOT NULL,
    market_code                  VARCHAR(64),
    worker_id_number_hash        CHAR(64),
    worker_id_number_enc         VARCHAR(100),
    worker_id_number_masked      VARCHAR(24),
    employer_name                VARCHAR(500),
    task                         VARCHAR(500),
    work_date                    DATE,
    daily_wage                   DECIMAL(14,2),
    meals                        BOOLEAN,
    CONSTRAINT uk_wh_gig_match UNIQUE (match_key)
);

-- liaison: staging (valid records of a run, before merging)
CREATE TABLE stg_liaison (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    priority                     INT NOT NULL,
    src_updated_at               DATETIME,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    county_code                  VARCHAR(6),
    specialist_code              VARCHAR(64),
    enterprise_credit_code       VARCHAR(18),
    recruit_month                DATE,
    recruits                     BIGINT
);
CREATE INDEX ix_stg_liaison_run ON stg_liaison (run_id, match_key);

-- liaison: golden records, one per match key
CREATE TABLE wh_liaison (
    liaison_id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    src_source_id                VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    county_code                  VARCHAR(6),
    created_run_id               BIGINT NOT NULL,
    updated_run_id               BIGINT NOT NULL,
    specialist_code              VARCHAR(64),
    enterprise_credit_code       VARCHAR(18),
    recruit_month                DATE,
    recruits                     BIGINT,
    CONSTRAINT uk_wh_liaison UNIQUE (match_key)
);

-- agency_report: staging (valid records of a run, before merging)
CREATE TABLE stg_agency_report (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id                       BIGINT NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    file_name                    VARCHAR(255) NOT NULL,
    line_no                      BIGINT NOT NULL,
    source_key                   VARCHAR(200) NOT NULL,
    priority                     INT NOT NULL,
    src_updated_at               DATETIME,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    county_code                  VARCHAR(6),
    agency_credit_code           VARCHAR(18),
    agency_name                  VARCHAR(500),
    report_year                  BIGINT,
    staff                        BIGINT,
    revenue_10k                  DECIMAL(14,2),
    persons_served               BIGINT,
    region                       VARCHAR(12)
);
CREATE INDEX ix_stg_agency_report_run ON stg_agency_report (run_id, match_key);

-- agency_report: golden records, one per match key
CREATE TABLE wh_agency_report (
    agency_report_id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    match_key                    CHAR(64) NOT NULL,
    row_hash                     CHAR(64) NOT NULL,
    src_source_id                VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    county_code                  VARCHAR(6),
    created_run_id               BIGINT NOT NULL,
    updated_run_id               BIGINT NOT NULL,
    agency_credit_code           VARCHAR(18),
    agency_name                  VARCHAR(500),
    report_year                  BIGINT,
    staff                        BIGINT,
    revenue_10k                  DECIMAL(14,2),
    persons_served               BIGINT,
    region                       VARCHAR(12),
    CONSTRAINT uk_wh_agency_report UNIQUE (match_key)
);

CREATE INDEX ix_wh_person_id ON wh_person (id_number_hash);
CREATE INDEX ix_wh_service_person ON wh_service (person_id_number_hash, served_on);
CREATE INDEX ix_wh_staff_region ON wh_staff (region);
CREATE INDEX ix_wh_station_region ON wh_station (region);
