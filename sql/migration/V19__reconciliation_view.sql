-- The one definition of a balanced reconciliation line: every record read is accounted for once, as new, updated,
-- unchanged, merged, quarantined, parked or held. Released and expired records were read by earlier runs: shown, not
-- balanced. The nightly job, status, the audit and sql/quality/reconciliation.sql all read it from here.
CREATE VIEW v_reconciliation AS
SELECT r.run_id, r.source_id, r.entity, r.read_count, r.new_count, r.updated_count, r.unchanged_count, r.merged_count,
       r.quarantined_count, r.parked_count, r.held_count, r.skipped_rows, r.released_count, r.expired_count,
       r.new_count + r.updated_count + r.unchanged_count + r.merged_count + r.quarantined_count + r.parked_count
           + r.held_count AS accounted_count,
       CASE WHEN r.read_count = r.new_count + r.updated_count + r.unchanged_count + r.merged_count + r.quarantined_count
           + r.parked_count + r.held_count THEN 1 ELSE 0 END AS balanced
FROM etl_reconciliation r;
