package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.validation.RecordStandardiser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator decides about persons registered without an ID number: {@code split} undoes a merge
 * (the record goes back to waiting, and is never merged into that person again), {@code accept} merges a record
 * a review left open into the suggested person on the next night. Golden records are not touched: such records
 * never shaped them; the cross-reference and the record's outcome are what change.
 */
@Component
public class MatchReview {

    private final JdbcTemplate jdbc;

    public MatchReview(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Merges and reviews of records without an ID number, newest first. */
    public List<Map<String, Object>> evidence(boolean reviewOnly, int limit) {
        return jdbc.queryForList("SELECT e.run_id, e.source_id, e.source_key, e.decision, e.score, e.probability, e.blocks, "
                + "e.evidence, p.name, "
                + "p.id_number_masked FROM wh_match_evidence e LEFT JOIN wh_person p ON p.match_key = e.match_key "
                + (reviewOnly ? "WHERE e.decision = 'review' " : "") + "ORDER BY e.id DESC LIMIT " + limit);
    }

    /**
     * The match model a night decided with ({@code run}, else the latest that kept one): per comparison level m, u,
     * weight and where they came from, the prior first; empty when the night used points.
     */
    public List<Map<String, Object>> weights(Long run) {
        return jdbc.queryForList("SELECT run_id, comparison, comparison_level, m, u, weight, origin FROM etl_match_weight "
                + "WHERE run_id = " + (run != null ? "?" : "(SELECT MAX(run_id) FROM etl_match_weight)") + " ORDER BY "
                + "CASE comparison WHEN 'prior' THEN 0 WHEN 'name' THEN 1 WHEN 'birth' THEN 2 WHEN 'phone' THEN 3 "
                + "WHEN 'county' THEN 4 ELSE 5 END, weight DESC", run != null ? new Object[] {run} : new Object[0]);
    }

    /** The candidate pairs each block produced on a night ({@code run}, else the latest). */
    public List<Map<String, Object>> blocks(Long run) {
        return jdbc.queryForList("SELECT run_id, block, pairs FROM etl_match_block WHERE run_id = " + (run != null ? "?"
                : "(SELECT MAX(run_id) FROM etl_match_block)") + " ORDER BY block", run != null ? new Object[] {run} : new Object[0]);
    }

    /** Undoes the merge of a record; returns the number of staged records sent back to waiting. */
    @Transactional
    public int split(String sourceId, String sourceKey) {
        List<String> merged = jdbc.queryForList("SELECT match_key FROM wh_xref WHERE entity = 'person' AND source_id = ? "
                + "AND source_key = ?", String.class, sourceId, sourceKey);
        if (merged.isEmpty()) {
            throw new IllegalArgumentException("no person record " + sourceId + "/" + sourceKey + " is merged");
        }
        jdbc.update("INSERT INTO wh_match_override (source_id, source_key, match_key, decision, decided_at) VALUES (?,?,?,?,?)",
                sourceId, sourceKey, merged.get(0), "split", LocalDateTime.now().withNano(0));
        jdbc.update("DELETE FROM wh_xref WHERE entity = 'person' AND source_id = ? AND source_key = ?", sourceId, sourceKey);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, run_id, name_norm, birth_date, phone_hash FROM stg_person "
                + "WHERE source_id = ? AND source_key = ? AND id_number_hash IS NULL AND match_key = ?", sourceId, sourceKey,
                merged.get(0));
        for (Map<String, Object> r : rows) {
            long id = ((Number) r.get("id")).longValue();
            jdbc.update("UPDATE stg_person SET match_key = ? WHERE id = ?", RecordStandardiser.provisionalKey(r.get("name_norm"),
                    birth(r.get("birth_date")), r.get("phone_hash")), id);
            jdbc.update("INSERT INTO etl_parked (entity, stg_id, source_id, rule_code, first_run_id, first_run_date) "
                    + "SELECT 'person', ?, ?, 'PERSON_UNMATCHED', ?, ? FROM wh_region WHERE code = '43' AND NOT EXISTS "
                    + "(SELECT 1 FROM etl_parked WHERE entity = 'person' AND stg_id = ?)", id, sourceId, r.get("run_id"),
                    LocalDate.now(), id);
        }
        return rows.size();
    }

    /** Accepts the person a review suggested for a record; the next night merges it. */
    @Transactional
    public String accept(String sourceId, String sourceKey) {
        List<String> suggested = jdbc.queryForList("SELECT match_key FROM wh_match_evidence WHERE source_id = ? AND source_key = ? "
                + "AND decision = 'review' ORDER BY id DESC", String.class, sourceId, sourceKey);
        if (suggested.isEmpty()) {
            throw new IllegalArgumentException("no review is open for " + sourceId + "/" + sourceKey);
        }
        jdbc.update("INSERT INTO wh_match_override (source_id, source_key, match_key, decision, decided_at) VALUES (?,?,?,?,?)",
                sourceId, sourceKey, suggested.get(0), "accept", LocalDateTime.now().withNano(0));
        return suggested.get(0);
    }

    private static Object birth(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : value;
    }
}
