-- A night's person history finds the golden persons the night changed by updated_run_id: through an index, so
-- that a night's cost follows its changes, not the number of persons in the warehouse.
CREATE INDEX ix_wh_person_updated_run ON wh_person (updated_run_id);

-- A staged record finds its landing row (for the payload a merge-time quarantine keeps, and for an audit's record)
-- by run, source, entity, file and line: all of them in the index, so that expiring a night's parked records reads
-- one landing row each, not every row of their file.
ALTER TABLE landing_record DROP INDEX ix_landing_run;
CREATE INDEX ix_landing_run ON landing_record (run_id, source_id, entity, file_name, line_no);
