-- Employers without a credit code are matched on their normalised name within their county.
ALTER TABLE stg_employer ADD COLUMN name_norm VARCHAR(500);
ALTER TABLE wh_employer ADD COLUMN name_norm VARCHAR(500);
CREATE INDEX ix_stg_employer_name ON stg_employer (name_norm, county_code);
CREATE INDEX ix_wh_employer_name ON wh_employer (name_norm, county_code);
