-- Marts, version 5: every figure the province publishes, and incremental refresh by county.

-- Which counties a refresh rebuilds: every county for `marts --rebuild`, else those the night touched.
CREATE TABLE etl_mart_scope (
    county_code                  VARCHAR(6) NOT NULL PRIMARY KEY
);

-- Counties whose golden records a run created, changed or moved away from.
CREATE TABLE etl_touched_county (
    run_id                       BIGINT NOT NULL,
    county_code                  VARCHAR(6) NOT NULL,
    PRIMARY KEY (run_id, county_code)
);

-- Placements per county, month, channel and form, with wages by pay period.
DROP TABLE mart_placement_month;
CREATE TABLE mart_placement_month (
    county_code                  VARCHAR(6) NOT NULL,
    placement_year               INT NOT NULL,
    placement_month              INT NOT NULL,
    channel                      VARCHAR(32) NOT NULL,
    form                         VARCHAR(32) NOT NULL,
    placements                   INT NOT NULL,
    insured                      INT NOT NULL,           -- with social insurance
    insured_share                DECIMAL(7,4) NOT NULL,
    monthly_wage_mean            DECIMAL(12,2),          -- placements paid by the month
    monthly_wage_median          DECIMAL(12,2),
    daily_wage_mean              DECIMAL(12,2),          -- placements paid by the day
    daily_wage_median            DECIMAL(12,2),
    days_from_registration       DECIMAL(10,1),          -- mean days from the person's registration to the start
    PRIMARY KEY (county_code, placement_year, placement_month, channel, form)
);

-- 311 service rolled up per officer, station and city (per person and county: V3).
CREATE TABLE mart_311_officer (
    service_year                 INT NOT NULL,
    staff_code                   VARCHAR(64) NOT NULL,
    county_code                  VARCHAR(6) NOT NULL,    -- the county of the officer's record ('' when unknown)
    persons_helped               INT NOT NULL,           -- distinct persons the officer served that year
    person_times_311             INT NOT NULL,           -- recommendations, guidance and trainings delivered
    PRIMARY KEY (service_year, staff_code)
);

CREATE TABLE mart_311_station (
    service_year                 INT NOT NULL,
    station_code                 VARCHAR(64) NOT NULL,
    county_code                  VARCHAR(6) NOT NULL,
    persons_served               INT NOT NULL,
    person_times_311             INT NOT NULL,
    PRIMARY KEY (service_year, station_code)
);

CREATE TABLE mart_311_city (
    service_year                 INT NOT NULL,
    city_code                    VARCHAR(4) NOT NULL,
    city_name                    VARCHAR(100) NOT NULL,
    difficulty_persons           INT NOT NULL,
    complete_persons             INT NOT NULL,
    completion_rate              DECIMAL(7,4) NOT NULL,
    PRIMARY KEY (service_year, city_code)
);

-- Gig markets per market and day.
CREATE TABLE mart_gig_market_day (
    market_code                  VARCHAR(64) NOT NULL,
    work_date                    DATE NOT NULL,
    county_code                  VARCHAR(6) NOT NULL,
    registrations                INT NOT NULL,           -- workers matched in this market for the first time that day
    demands                      INT NOT NULL,           -- distinct employer and task pairs that day
    matches                      INT NOT NULL,
    daily_wage_mean              DECIMAL(12,2),
    workers_50_plus_share        DECIMAL(7,4) NOT NULL,  -- matched workers aged 50 or over on the day
    PRIMARY KEY (market_code, work_date)
);

-- Key enterprises: recruits assisted per specialist, enterprise and year, and the province's totals.
CREATE TABLE mart_liaison_enterprise (
    report_year                  INT NOT NULL,
    specialist_code              VARCHAR(64) NOT NULL,
    enterprise_credit_code       VARCHAR(18) NOT NULL,
    recruits                     INT NOT NULL,
    PRIMARY KEY (report_year, specialist_code, enterprise_credit_code)
);

CREATE TABLE mart_liaison_province (
    report_year                  INT NOT NULL PRIMARY KEY,
    specialists                  INT NOT NULL,           -- specialists with at least one enterprise that year
    enterprises                  INT NOT NULL,
    recruits                     INT NOT NULL
);

-- Career guidance experts: team sizes by level, and the work of each expert.
CREATE TABLE mart_expert_team (
    expert_level                 VARCHAR(32) NOT NULL PRIMARY KEY,   -- provincial | city | county
    experts                      INT NOT NULL
);

CREATE TABLE mart_expert_year (
    service_year                 INT NOT NULL,
    staff_code                   VARCHAR(64) NOT NULL,
    expert_level                 VARCHAR(32) NOT NULL,
    persons_guided               INT NOT NULL,
    sessions                     INT NOT NULL,           -- career guidance services delivered
    PRIMARY KEY (service_year, staff_code)
);

-- HR service agencies per year.
CREATE TABLE mart_hr_agency_year (
    report_year                  INT NOT NULL PRIMARY KEY,
    agencies                     INT NOT NULL,
    staff                        BIGINT NOT NULL,
    revenue_10k                  DECIMAL(16,2) NOT NULL, -- 万元
    revenue_growth               DECIMAL(9,4),           -- on the year before, as a fraction; null without it
    persons_served               BIGINT NOT NULL
);

-- Lookups by business code that the merge's reference checks and the marts make.
CREATE INDEX ix_wh_staff_code ON wh_staff (staff_code);
CREATE INDEX ix_wh_station_code ON wh_station (station_code);
CREATE INDEX ix_wh_employer_code ON wh_employer (credit_code);
CREATE INDEX ix_wh_gig_market ON wh_gig_match (market_code, worker_id_number_hash, work_date);
CREATE INDEX ix_wh_placement_county ON wh_placement (county_code, started_on);
CREATE INDEX ix_mart_unit_county ON mart_unit_coverage (county_code);
