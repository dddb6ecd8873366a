-- Where every record read went, per run, source and entity; `balanced` must be 1 on every row. Its definition is the
-- view v_reconciliation (sql/migration/V19__reconciliation_view.sql), which the nightly job uses too.
SELECT run_id, source_id, entity, read_count, new_count, updated_count, unchanged_count, merged_count,
       quarantined_count, parked_count, held_count, skipped_rows, released_count, expired_count, balanced
FROM v_reconciliation
ORDER BY run_id DESC, source_id, entity;
