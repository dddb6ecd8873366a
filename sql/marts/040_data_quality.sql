-- Rebuilds mart_data_quality from every run's reconciliation.
-- refresh: every night
DELETE FROM mart_data_quality;

INSERT INTO mart_data_quality (run_id, run_date, source_id, entity, read_count, loaded_count, merged_count,
                               quarantined_count, parked_count, held_count, reject_rate)
SELECT r.run_id, u.run_date, r.source_id, r.entity, r.read_count, r.new_count + r.updated_count + r.unchanged_count,
       r.merged_count, r.quarantined_count, r.parked_count, r.held_count,
       CASE WHEN r.read_count = 0 THEN 0 ELSE ROUND(r.quarantined_count * 1.0 / r.read_count, 4) END
FROM etl_reconciliation r JOIN etl_run u ON u.run_id = r.run_id;
