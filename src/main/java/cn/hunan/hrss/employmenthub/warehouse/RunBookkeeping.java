package cn.hunan.hrss.employmenthub.warehouse;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.Watermarks;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The run's own tables: the run row, what each unit read, and the watermarks and file fingerprints that
 * advance only when a run has loaded the data they cover.
 */
@Component
public class RunBookkeeping implements Watermarks {

    /** Sources that failed their error limit in a run keep their watermarks. */
    private static final String LOADED = "source_id NOT IN (SELECT st.source_id FROM etl_source_status st "
            + "WHERE st.run_id = ? AND st.status IN ('FAILED', 'UNREADABLE'))";

    private final JdbcTemplate jdbc;

    public RunBookkeeping(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> watermark(String sourceId, String entity) {
        return jdbc.queryForList("SELECT watermark FROM etl_watermark WHERE source_id = ? AND entity = ?", String.class,
                sourceId, entity).stream().findFirst();
    }

    @Override
    public boolean fileLoaded(String sourceId, String entity, String sha256) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM etl_source_file WHERE source_id = ? AND entity = ? AND sha256 = ?",
                Integer.class, sourceId, entity, sha256);
        return n != null && n > 0;
    }

    @Override
    public Set<String> recentlyLoaded(String sourceId, String entity) {
        return new HashSet<>(jdbc.queryForList("SELECT r.digest FROM etl_jdbc_recent r JOIN etl_watermark w ON w.source_id = "
                + "r.source_id AND w.entity = r.entity AND w.run_id = r.run_id WHERE r.source_id = ? AND r.entity = ?",
                String.class, sourceId, entity));
    }

    /**
     * Remembers the rows a database unit read within its lookback window, for the next night to pass over. A unit
     * read again after a restart replaces its own rows, never those of the other key ranges of the same table.
     */
    public void rememberRecent(long runId, String sourceId, String entity, Collection<RecordCursor.Recent> rows) {
        Map<String, LocalDateTime> distinct = new LinkedHashMap<>();
        rows.forEach(r -> distinct.putIfAbsent(r.digest(), r.updatedAt()));
        jdbc.batchUpdate("DELETE FROM etl_jdbc_recent WHERE source_id = ? AND entity = ? AND run_id = ? AND digest = ?",
                distinct.keySet().stream().map(d -> new Object[] {sourceId, entity, runId, d}).toList());
        jdbc.batchUpdate("INSERT INTO etl_jdbc_recent (source_id, entity, run_id, digest, updated_at) VALUES (?,?,?,?,?)",
                distinct.entrySet().stream().map(e -> new Object[] {sourceId, entity, runId, e.getKey(), e.getValue()}).toList());
    }

    public void logUnit(long runId, String sourceId, String entity, String label, String fingerprint, String watermark,
                        long read, long skipped, Long sourceCount) {
        jdbc.update("INSERT INTO etl_extract_log (run_id, source_id, entity, unit_label, fingerprint, watermark, rows_read, "
                + "rows_skipped, source_count) VALUES (?,?,?,?,?,?,?,?,?)", runId, sourceId, entity, label, fingerprint, watermark,
                read, skipped, sourceCount);
    }

    /** Starts a run, or on restart of the same run clears what its unfinished attempt had staged. */
    public void begin(long runId, LocalDate runDate) {
        if (jdbc.update("UPDATE etl_run SET status = 'RUNNING', finished_at = NULL, message = NULL WHERE run_id = ?", runId) == 0) {
            jdbc.update("INSERT INTO etl_run (run_id, run_date, started_at, status) VALUES (?,?,?,?)", runId, runDate,
                    LocalDateTime.now().withNano(0), "RUNNING");
        }
    }

    /** Removes one source's partial extraction of a run, so a restarted partition starts clean. */
    public void clearExtraction(long runId, String sourceId) {
        if (jdbc.queryForList("SELECT run_id FROM etl_extract_log WHERE run_id = ? AND source_id = ? UNION ALL "
                + "SELECT run_id FROM landing_record WHERE run_id = ? AND source_id = ? UNION ALL "
                + "SELECT run_id FROM etl_source_status WHERE run_id = ? AND source_id = ?", Long.class, runId, sourceId, runId,
                sourceId, runId, sourceId).isEmpty()) {
            return;
        }
        jdbc.update("DELETE FROM landing_record WHERE run_id = ? AND source_id = ?", runId, sourceId);
        jdbc.update("DELETE FROM quarantine WHERE run_id = ? AND source_id = ?", runId, sourceId);
        jdbc.update("DELETE FROM dq_violation WHERE run_id = ? AND source_id = ?", runId, sourceId);
        jdbc.update("DELETE FROM etl_extract_log WHERE run_id = ? AND source_id = ?", runId, sourceId);
        jdbc.update("DELETE FROM etl_source_status WHERE run_id = ? AND source_id = ?", runId, sourceId);
        for (EntityType e : EntityType.values()) {
            jdbc.update("DELETE FROM " + e.stagingTable() + " WHERE run_id = ? AND source_id = ?", runId, sourceId);
        }
    }

    /** A unit of a source's partition: the entity and the label its records carry as their file. */
    public record Unit(EntityType entity, String label) {
    }

    /**
     * Removes what an earlier attempt of a partition left for its units, so the partition starts clean; the other
     * partitions of the source keep theirs.
     */
    public void clearExtraction(long runId, String sourceId, java.util.List<Unit> units) {
        for (Unit u : units) {
            if (jdbc.queryForList("SELECT run_id FROM etl_extract_log WHERE run_id = ? AND source_id = ? AND entity = ? AND "
                    + "unit_label = ? UNION ALL SELECT run_id FROM landing_record WHERE run_id = ? AND source_id = ? AND "
                    + "entity = ? AND file_name = ?", Long.class, runId, sourceId, u.entity().key(), u.label(), runId, sourceId,
                    u.entity().key(), u.label()).isEmpty()) {
                continue;
            }
            for (String table : java.util.List.of("landing_record", "quarantine", "dq_violation")) {
                jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND source_id = ? AND entity = ? AND file_name = ?", runId,
                        sourceId, u.entity().key(), u.label());
            }
            jdbc.update("DELETE FROM etl_extract_log WHERE run_id = ? AND source_id = ? AND entity = ? AND unit_label = ?", runId,
                    sourceId, u.entity().key(), u.label());
            jdbc.update("DELETE FROM " + u.entity().stagingTable() + " WHERE run_id = ? AND source_id = ? AND file_name = ?", runId,
                    sourceId, u.label());
        }
    }

    /**
     * Makes sources forget what they read, for a reprocess: their loaded files are read again; their database
     * entities are read again from the start of {@code from} (from the beginning when {@code from} is null), without
     * passing over rows an earlier run read. Returns the watermarks as they were, per "source|entity".
     */
    public java.util.Map<String, String> forget(java.util.List<String> sources, String entity, java.time.LocalDate from) {
        java.util.Map<String, String> saved = new java.util.TreeMap<>();
        for (String source : sources) {
            String entityFilter = entity == null ? "" : " AND entity = ?";
            Object[] args = entity == null ? new Object[] {source} : new Object[] {source, entity};
            jdbc.query("SELECT entity, watermark FROM etl_watermark WHERE source_id = ?" + entityFilter,
                    rs -> {
                        saved.put(source + "|" + rs.getString(1), rs.getString(2));
                    }, args);
            jdbc.update("DELETE FROM etl_source_file WHERE source_id = ?" + entityFilter, args);
            jdbc.update("DELETE FROM etl_jdbc_recent WHERE source_id = ?" + entityFilter, args);
            if (from == null) {
                jdbc.update("DELETE FROM etl_watermark WHERE source_id = ?" + entityFilter, args);
            } else {
                String start = from.atStartOfDay().toString();
                jdbc.update("UPDATE etl_watermark SET watermark = ? WHERE source_id = ?" + entityFilter + " AND watermark > ?",
                        entity == null ? new Object[] {start, source, start} : new Object[] {start, source, entity, start});
            }
        }
        return saved;
    }

    /**
     * The files of a source's entity that the landing area holds, each with the last run that landed it: what a
     * reprocess can read again when a file is gone.
     */
    public java.util.Map<String, Long> landedFiles(String sourceId, String entity) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        jdbc.query("SELECT file_name, MAX(run_id) FROM landing_record WHERE source_id = ? AND entity = ? GROUP BY file_name",
                rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                }, sourceId, entity);
        return out;
    }

    /** After a reprocess: each watermark back to where it was, unless the reprocess read further. */
    public void restoreWatermarks(java.util.Map<String, String> saved) {
        saved.forEach((key, watermark) -> {
            String[] p = key.split("\\|", 2);
            if (jdbc.update("UPDATE etl_watermark SET watermark = ? WHERE source_id = ? AND entity = ? AND watermark < ?",
                    watermark, p[0], p[1], watermark) == 0 && jdbc.queryForObject("SELECT COUNT(*) FROM etl_watermark WHERE "
                    + "source_id = ? AND entity = ?", Integer.class, p[0], p[1]) == 0) {
                jdbc.update("INSERT INTO etl_watermark (source_id, entity, watermark, run_id) VALUES (?,?,?,0)", p[0], p[1],
                        watermark);
            }
        });
    }

    /** Advances watermarks and remembers loaded files: called only after the run's data is merged. */
    public void commitWatermarks(long runId) {
        jdbc.update("INSERT INTO etl_watermark (source_id, entity, watermark, run_id) SELECT source_id, entity, MAX(watermark), run_id "
                + "FROM etl_extract_log WHERE run_id = ? AND watermark IS NOT NULL AND " + LOADED
                + " GROUP BY source_id, entity, run_id ON DUPLICATE KEY UPDATE watermark = VALUES(watermark), run_id = VALUES(run_id)",
                runId, runId);
        jdbc.update("DELETE FROM etl_jdbc_recent WHERE NOT EXISTS (SELECT 1 FROM etl_watermark w WHERE w.source_id = "
                + "etl_jdbc_recent.source_id AND w.entity = etl_jdbc_recent.entity AND w.run_id = etl_jdbc_recent.run_id) "
                + "AND run_id <> ?", runId);
        jdbc.update("INSERT INTO etl_source_file (source_id, entity, sha256, file_name, run_id) "
                + "SELECT source_id, entity, fingerprint, MIN(unit_label), run_id FROM etl_extract_log "
                + "WHERE run_id = ? AND fingerprint IS NOT NULL AND " + LOADED + " GROUP BY source_id, entity, fingerprint, run_id "
                + "ON DUPLICATE KEY UPDATE run_id = run_id", runId, runId);
    }

    /** A source that could not be read this run: it fails alone, its records are held, its watermarks stay. */
    public void markUnreadable(long runId, String sourceId, String message) {
        jdbc.update("DELETE FROM etl_source_status WHERE run_id = ? AND source_id = ?", runId, sourceId);
        jdbc.update("INSERT INTO etl_source_status (run_id, source_id, status, read_count, quarantined_count, held_count, message) "
                + "VALUES (?,?,?,?,?,?,?)", runId, sourceId, "UNREADABLE", 0, 0, 0,
                cut(PiiMasker.mask(message)));
    }

    /** Why a source could not be read in a run, if it could not. */
    public Optional<String> unreadableMessage(long runId, String sourceId) {
        return jdbc.queryForList("SELECT COALESCE(message, 'unreadable') FROM etl_source_status WHERE run_id = ? AND "
                + "source_id = ? AND status = 'UNREADABLE'", String.class, runId, sourceId).stream().findFirst();
    }

    /** Ends a run's row; the message is masked (an exception's message may quote a value) and cut to the column. */
    public void finish(long runId, String status, String message) {
        jdbc.update("UPDATE etl_run SET status = ?, finished_at = ?, message = ? WHERE run_id = ?", status,
                LocalDateTime.now().withNano(0), cut(PiiMasker.mask(message)), runId);
    }

    private static String cut(String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
    }
}
