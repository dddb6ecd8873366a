package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.warehouse.StagingColumns;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merges a run's staged records into one golden record per match key, set-based (three statements per
 * entity, no per-row round trips), in one transaction per entity:
 * <ol>
 *   <li>decide each staged record's outcome: within the run the best record per match key wins (lowest
 *   priority number, then latest updated-at), the others are <em>merged</em> duplicates; a winner is
 *   <em>new</em> when no golden record exists, <em>unchanged</em> when its content equals the golden
 *   record's, <em>updated</em> when it outranks the golden record's source, else merged;</li>
 *   <li>upsert new and updated winners;</li>
 *   <li>map every (source, source key) to its golden match key.</li>
 * </ol>
 * Rerunning a night finds every record unchanged or merged and changes no golden row.
 */
@Component
public class GoldenMerger {

    private static final Logger log = LoggerFactory.getLogger(GoldenMerger.class);
    private static final String EPOCH = "TIMESTAMP '1900-01-01 00:00:00'";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public GoldenMerger(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void merge(long runId) {
        for (EntityType e : EntityType.values()) {
            tx.executeWithoutResult(status -> mergeEntity(runId, e));
        }
    }

    void mergeEntity(long runId, EntityType e) {
        jdbc.update("DELETE FROM etl_outcome WHERE run_id = ? AND entity = ?", runId, e.key());
        jdbc.update(outcomeSql(e), e.key(), runId);
        int upserted = jdbc.update(upsertSql(e), runId, runId, e.key(), runId);
        jdbc.update("INSERT INTO wh_xref (entity, source_id, source_key, match_key, created_run_id) "
                + "SELECT ?, s.source_id, s.source_key, MAX(s.match_key), ? FROM " + e.stagingTable() + " s "
                + "WHERE s.run_id = ? GROUP BY s.source_id, s.source_key "
                + "ON DUPLICATE KEY UPDATE match_key = VALUES(match_key)", e.key(), runId, runId);
        log.debug("merged {}: {} golden rows written", e.key(), upserted);
    }

    static String outcomeSql(EntityType e) {
        return "INSERT INTO etl_outcome (run_id, entity, stg_id, source_id, outcome) "
                + "SELECT r.run_id, ?, r.id, r.source_id, CASE "
                + "WHEN r.rn > 1 THEN 'merged' "
                + "WHEN g.match_key IS NULL THEN 'new' "
                + "WHEN g.row_hash = r.row_hash THEN 'unchanged' "
                + "WHEN r.priority < g.src_priority OR (r.priority = g.src_priority AND COALESCE(r.src_updated_at, " + EPOCH
                + ") >= COALESCE(g.src_updated_at, " + EPOCH + ")) THEN 'updated' "
                + "ELSE 'merged' END "
                + "FROM (SELECT s.id, s.run_id, s.source_id, s.match_key, s.row_hash, s.priority, s.src_updated_at, "
                + "ROW_NUMBER() OVER (PARTITION BY s.match_key ORDER BY s.priority, COALESCE(s.src_updated_at, " + EPOCH
                + ") DESC, s.source_id, s.file_name, s.line_no) AS rn FROM " + e.stagingTable() + " s WHERE s.run_id = ?) r "
                + "LEFT JOIN " + e.goldenTable() + " g ON g.match_key = r.match_key";
    }

    static String upsertSql(EntityType e) {
        List<String> content = StagingColumns.of(e);
        String insertCols = "match_key, row_hash, src_source_id, src_priority, src_updated_at, created_run_id, updated_run_id, "
                + String.join(", ", content);
        String selectCols = "s.match_key, s.row_hash, s.source_id, s.priority, s.src_updated_at, ?, ?, "
                + content.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        String updates = List.of("row_hash", "src_source_id", "src_priority", "src_updated_at", "updated_run_id").stream()
                .map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "))
                + ", " + content.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
        return "INSERT INTO " + e.goldenTable() + " (" + insertCols + ") SELECT " + selectCols + " FROM " + e.stagingTable()
                + " s JOIN etl_outcome o ON o.run_id = s.run_id AND o.entity = ? AND o.stg_id = s.id "
                + "WHERE s.run_id = ? AND o.outcome IN ('new', 'updated') ON DUPLICATE KEY UPDATE " + updates;
    }
}
