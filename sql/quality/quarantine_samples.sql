-- Rejected records with file and line, masked (ID numbers and phones never appear in full).
SELECT q.run_id, q.source_id, q.entity, q.file_name, q.line_no, q.rule_code, q.field_name, q.detail, q.payload_masked
FROM quarantine q
ORDER BY q.run_id DESC, q.source_id, q.file_name, q.line_no;
