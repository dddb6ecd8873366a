-- Type-2 history of what changes in a person's situation: employment status, target categories, residence.
-- A row is valid from valid_from (inclusive) to valid_to (exclusive; null while current). The first row starts at
-- the registration date, later ones at the business date of the night that saw the change.
CREATE TABLE wh_person_history (
    person_key                   CHAR(64) NOT NULL,      -- wh_person.id_number_hash
    valid_from                   DATE NOT NULL,
    valid_to                     DATE,
    employment_status            VARCHAR(32),
    categories                   VARCHAR(200),
    residence_region             VARCHAR(12),
    county_code                  VARCHAR(6),
    run_id                       BIGINT NOT NULL,
    PRIMARY KEY (person_key, valid_from)
);
CREATE INDEX ix_person_history_current ON wh_person_history (valid_to, person_key);

-- Persons whose tracked attributes a run changed (working table of the merge).
CREATE TABLE etl_history_change (
    run_id                       BIGINT NOT NULL,
    person_key                   CHAR(64) NOT NULL,
    PRIMARY KEY (run_id, person_key)
);

-- Median wages per placement group, materialised by the placement mart's refresh before it joins them in
-- (a derived table in that join would be evaluated again for every group on some databases).
CREATE TABLE etl_wage_median (
    county_code                  VARCHAR(6) NOT NULL,
    y                            INT NOT NULL,
    m                            INT NOT NULL,
    channel                      VARCHAR(32) NOT NULL,
    form                         VARCHAR(32) NOT NULL,
    monthly_median               DECIMAL(12,2),
    daily_median                 DECIMAL(12,2),
    PRIMARY KEY (county_code, y, m, channel, form)
);
