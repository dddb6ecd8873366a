-- Matching's sixth block: the same household village and a birth date within a year, so that a walk-in whose name
-- has a typo, whose birth date is off and who gave no phone is still compared with the person (each village holds a
-- few dozen persons per birth year, so the pairs stay proportional to the records).
CREATE INDEX ix_wh_person_household ON wh_person (household_region, birth_date);
CREATE INDEX ix_stg_person_household ON stg_person (household_region, birth_date);
