-- Matching compares an open record with the golden persons and with the night's identified records only
-- (c.run_id = the night), so the blocking indexes on staging lead with the run: a night's lookups then read the
-- night's rows, not every version every earlier night staged, and their cost follows the night, not the history.
ALTER TABLE stg_person DROP INDEX ix_stg_person_name;
ALTER TABLE stg_person DROP INDEX ix_stg_person_phone;
ALTER TABLE stg_person DROP INDEX ix_stg_person_birth;
ALTER TABLE stg_person DROP INDEX ix_stg_person_household;
CREATE INDEX ix_stg_person_name ON stg_person (run_id, name_norm, birth_date);
CREATE INDEX ix_stg_person_phone ON stg_person (run_id, phone_hash);
CREATE INDEX ix_stg_person_birth ON stg_person (run_id, birth_date, county_code);
CREATE INDEX ix_stg_person_household ON stg_person (run_id, household_region, birth_date);
