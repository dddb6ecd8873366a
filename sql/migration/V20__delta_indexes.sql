-- A night's person history finds the golden persons the night changed by updated_run_id: through an index, so
-- that a night's cost follows its changes, not the number of persons in the warehouse.
CREATE INDEX ix_wh_person_updated_run ON wh_person (updated_run_id);
