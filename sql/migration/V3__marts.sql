-- Mart tables read by downstream report builders. Each is rebuilt by the file of the same name under
-- sql/marts/ at the end of every nightly run, in one transaction (never left half-written).

-- Per division unit: does it have the grassroots platform (streets, townships, communities) or an
-- employment officer (villages) that the province counts?
CREATE TABLE mart_unit_coverage (
    unit_code                    VARCHAR(12) NOT NULL PRIMARY KEY,
    unit_kind                    VARCHAR(12) NOT NULL,   -- street | township | community | village
    county_code                  VARCHAR(6) NOT NULL,
    city_code                    VARCHAR(4) NOT NULL,
    covered                      INT NOT NULL,           -- 1 when a platform (or an officer) serves the unit
    officers                     INT NOT NULL            -- employment officers (就业专干) registered at the unit
);

-- Coverage rolled up to county, city and province.
CREATE TABLE mart_platform_coverage (
    scope_level                  VARCHAR(10) NOT NULL,   -- province | city | county
    scope_code                   VARCHAR(6) NOT NULL,
    scope_name                   VARCHAR(100) NOT NULL,
    unit_kind                    VARCHAR(12) NOT NULL,
    units_total                  INT NOT NULL,           -- units of that kind in the division reference
    units_covered                INT NOT NULL,
    coverage_rate                DECIMAL(7,4) NOT NULL,  -- units_covered / units_total
    officers                     INT NOT NULL,
    PRIMARY KEY (scope_level, scope_code, unit_kind)
);

-- The "311" service owed to every employment-difficulty person each year: 3 job recommendations,
-- 1 career guidance, 1 free training.
CREATE TABLE mart_311_person (
    service_year                 INT NOT NULL,
    person_key                   CHAR(64) NOT NULL,      -- keyed hash of the ID number
    county_code                  VARCHAR(6) NOT NULL,
    recommendations              INT NOT NULL,
    guidance                     INT NOT NULL,
    training                     INT NOT NULL,
    complete_311                 INT NOT NULL,           -- 1 when 3/1/1 are all reached
    PRIMARY KEY (service_year, person_key)
);

CREATE TABLE mart_311_county (
    service_year                 INT NOT NULL,
    county_code                  VARCHAR(6) NOT NULL,
    county_name                  VARCHAR(100) NOT NULL,
    difficulty_persons           INT NOT NULL,
    complete_persons             INT NOT NULL,
    completion_rate              DECIMAL(7,4) NOT NULL,
    PRIMARY KEY (service_year, county_code)
);

-- Placements per county, month and channel.
CREATE TABLE mart_placement_month (
    county_code                  VARCHAR(6) NOT NULL,
    placement_year               INT NOT NULL,
    placement_month              INT NOT NULL,
    channel                      VARCHAR(32) NOT NULL,
    placements                   INT NOT NULL,
    insured                      INT NOT NULL,           -- with social insurance
    monthly_wage_avg             DECIMAL(12,2),          -- mean wage of placements paid by the month
    PRIMARY KEY (county_code, placement_year, placement_month, channel)
);
