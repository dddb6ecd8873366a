package cn.hunan.hrss.employmenthub.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Proves a run lost and double-counted nothing: per source and entity, records read (landed) must equal
 * new + updated + unchanged + merged + quarantined + parked + held. Stores the figures in
 * {@code etl_reconciliation}.
 */
@Component
public class Reconciler {

    private static final String[] COLUMNS = {"read_count", "new_count", "updated_count", "unchanged_count", "merged_count",
        "quarantined_count", "parked_count", "held_count", "skipped_rows", "released_count", "expired_count"};

    private final JdbcTemplate jdbc;

    public Reconciler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Computes and stores the run's reconciliation; {@code expected} lists (source, entity) pairs to show even when empty. */
    public List<Reconciliation> reconcile(long runId, List<String[]> expected) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String[] se : expected) {
            counts.put(se[0] + "\u0000" + se[1], new long[COLUMNS.length]);
        }
        add(counts, 0, "SELECT source_id, entity, COUNT(*) FROM landing_record WHERE run_id = ? GROUP BY source_id, entity", runId);
        String[] outcomes = {"new", "updated", "unchanged", "merged"};
        for (int i = 0; i < outcomes.length; i++) {
            add(counts, 1 + i, "SELECT source_id, entity, COUNT(*) FROM etl_outcome WHERE run_id = ? AND carried = 0 AND outcome = '"
                    + outcomes[i] + "' GROUP BY source_id, entity", runId);
        }
        add(counts, 5, "SELECT source_id, entity, COUNT(*) FROM quarantine WHERE run_id = ? AND origin_run_id = run_id "
                + "GROUP BY source_id, entity", runId);
        add(counts, 6, "SELECT source_id, entity, COUNT(*) FROM etl_outcome WHERE run_id = ? AND carried = 0 AND outcome = 'parked' "
                + "GROUP BY source_id, entity", runId);
        add(counts, 7, "SELECT source_id, entity, COUNT(*) FROM etl_outcome WHERE run_id = ? AND outcome = 'held' "
                + "GROUP BY source_id, entity", runId);
        add(counts, 8, "SELECT source_id, entity, SUM(rows_skipped) FROM etl_extract_log WHERE run_id = ? GROUP BY source_id, entity",
                runId);
        add(counts, 9, "SELECT source_id, entity, COUNT(*) FROM etl_outcome WHERE run_id = ? AND carried = 1 AND outcome IN "
                + "('new', 'updated', 'unchanged', 'merged') GROUP BY source_id, entity", runId);
        add(counts, 10, "SELECT source_id, entity, COUNT(*) FROM quarantine WHERE run_id = ? AND origin_run_id <> run_id "
                + "GROUP BY source_id, entity", runId);
        jdbc.update("DELETE FROM etl_reconciliation WHERE run_id = ?", runId);
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] se = key.split("\u0000");
            Object[] row = new Object[3 + c.length];
            row[0] = runId;
            row[1] = se[0];
            row[2] = se[1];
            for (int i = 0; i < c.length; i++) {
                row[3 + i] = c[i];
            }
            rows.add(row);
        });
        jdbc.batchUpdate("INSERT INTO etl_reconciliation (run_id, source_id, entity, " + String.join(", ", COLUMNS)
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        Map<String, Reconciliation> stored = new LinkedHashMap<>();
        load(runId).forEach(r -> stored.put(r.sourceId() + "\u0000" + r.entity(), r));
        return counts.keySet().stream().map(stored::get).toList();
    }

    /** A run's reconciliation as stored, with the view's verdict per line. */
    public List<Reconciliation> load(long runId) {
        return jdbc.query("SELECT source_id, entity, " + String.join(", ", COLUMNS) + ", accounted_count, balanced "
                + "FROM v_reconciliation WHERE run_id = ? ORDER BY source_id, entity", (rs, i) -> new Reconciliation(
                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
                rs.getInt(15) == 1), runId);
    }

    private void add(Map<String, long[]> counts, int index, String sql, long runId) {
        jdbc.query(sql, rs -> {
            String key = rs.getString(1) + "\u0000" + rs.getString(2);
            counts.computeIfAbsent(key, k -> new long[COLUMNS.length])[index] += rs.getLong(3);
        }, runId);
    }
}
