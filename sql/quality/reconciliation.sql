-- Where every record read went, per run, source and entity; `balanced` must be 1 on every row.
SELECT r.run_id, r.source_id, r.entity, r.read_count, r.new_count, r.updated_count, r.unchanged_count,
       r.merged_count, r.quarantined_count, r.skipped_rows,
       CASE WHEN r.read_count = r.new_count + r.updated_count + r.unchanged_count + r.merged_count + r.quarantined_count
            THEN 1 ELSE 0 END AS balanced
FROM etl_reconciliation r
ORDER BY r.run_id DESC, r.source_id, r.entity;
