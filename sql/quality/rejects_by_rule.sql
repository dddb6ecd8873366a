-- Rejected records per run, source, entity and rule (the rule that caught each record first).
SELECT q.run_id, q.source_id, q.entity, q.rule_code, COUNT(*) AS records
FROM quarantine q
GROUP BY q.run_id, q.source_id, q.entity, q.rule_code
ORDER BY q.run_id DESC, records DESC;
