package cn.hunan.hrss.employmenthub.quality;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition.ErrorLimit;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Error limits, as DataX's errorLimit but per source: after extraction, a source that rejected more records
 * than its limit (by count or percentage) fails alone: its records are held back (landed and quarantined
 * rows stay, nothing is merged, its watermarks do not move) while the other sources load. Over the run's
 * own limit, the whole run fails before anything is merged. A source that could not be read at all (marked
 * UNREADABLE by its reader) fails alone the same way.
 */
@Component
public class ErrorLimits {

    /** What a run's error limits decided: failed sources with their reasons. */
    public record Verdict(List<String> failedSources, List<String> messages) {
    }

    private final JdbcTemplate jdbc;

    public ErrorLimits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Verdict apply(long runId, JobsConfig config) {
        jdbc.update("DELETE FROM etl_source_status WHERE run_id = ? AND status <> 'UNREADABLE'", runId);
        List<String> unreadable = jdbc.queryForList("SELECT source_id FROM etl_source_status WHERE run_id = ? "
                + "AND status = 'UNREADABLE'", String.class, runId);
        jdbc.update("DELETE FROM etl_outcome WHERE run_id = ? AND outcome = 'held'", runId);
        long runRead = 0;
        long runRejected = 0;
        List<String> failed = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (SourceDefinition s : config.enabledSources()) {
            long read = count("SELECT COUNT(*) FROM landing_record WHERE run_id = ? AND source_id = ?", runId, s.id());
            long rejected = count("SELECT COUNT(*) FROM quarantine WHERE run_id = ? AND origin_run_id = ? AND source_id = ?",
                    runId, runId, s.id());
            runRead += read;
            runRejected += rejected;
            ErrorLimit limit = s.errorLimit() != null ? s.errorLimit() : config.defaults().errorLimit();
            String breach = breach(limit, read, rejected);
            if (unreadable.contains(s.id())) {
                long held = hold(runId, s.id());
                jdbc.update("UPDATE etl_source_status SET read_count = ?, quarantined_count = ?, held_count = ? "
                        + "WHERE run_id = ? AND source_id = ?", read, rejected, held, runId, s.id());
                failed.add(s.id());
                messages.addAll(jdbc.queryForList("SELECT message FROM etl_source_status WHERE run_id = ? AND source_id = ?",
                        String.class, runId, s.id()));
                continue;
            }
            if (breach == null) {
                jdbc.update("INSERT INTO etl_source_status (run_id, source_id, status, read_count, quarantined_count, held_count) "
                        + "VALUES (?,?,?,?,?,?)", runId, s.id(), "LOADED", read, rejected, 0);
                continue;
            }
            long held = hold(runId, s.id());
            String message = "source " + s.id() + " failed its error limit (" + breach + "); top rules: " + topRules(runId, s.id())
                    + "; its " + held + " valid record(s) are held back and its watermarks stay";
            jdbc.update("INSERT INTO etl_source_status (run_id, source_id, status, read_count, quarantined_count, held_count, "
                    + "message) VALUES (?,?,?,?,?,?,?)", runId, s.id(), "FAILED", read, rejected, held, message);
            failed.add(s.id());
            messages.add(message);
        }
        String runBreach = breach(config.defaults().runErrorLimit(), runRead, runRejected);
        if (runBreach != null) {
            throw new IllegalStateException("the run failed its run-error-limit (" + runBreach + "); nothing was merged");
        }
        return new Verdict(failed, messages);
    }

    /** Holds back a failed source's staged records: they get the outcome 'held' and are not merged. */
    private long hold(long runId, String sourceId) {
        long held = 0;
        for (EntityType e : EntityType.values()) {
            held += jdbc.update("INSERT INTO etl_outcome (run_id, entity, stg_id, source_id, outcome, carried) "
                    + "SELECT ?, ?, s.id, s.source_id, 'held', 0 FROM " + e.stagingTable() + " s WHERE s.run_id = ? "
                    + "AND s.source_id = ?", runId, e.key(), runId, sourceId);
        }
        return held;
    }

    /** The limit broken, in words, or null. */
    static String breach(ErrorLimit limit, long read, long rejected) {
        if (limit == null) {
            return null;
        }
        if (limit.count() != null && rejected > limit.count()) {
            return "count " + limit.count() + ": " + rejected + " of " + read + " records rejected";
        }
        double percent = read == 0 ? 0 : rejected * 100.0 / read;
        if (limit.percent() != null && percent > limit.percent()) {
            return String.format(Locale.ROOT, "percent %s%%: %d of %d records rejected = %.1f%%", strip(limit.percent()),
                    rejected, read, percent);
        }
        return null;
    }

    private static String strip(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private String topRules(long runId, String sourceId) {
        return jdbc.queryForList("SELECT rule_code, COUNT(*) AS n FROM quarantine WHERE run_id = ? AND source_id = ? "
                        + "GROUP BY rule_code ORDER BY n DESC, rule_code", runId, sourceId).stream().limit(3)
                .map(r -> r.get("rule_code") + " " + r.get("n")).collect(Collectors.joining(", "));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    public List<String> failureMessages(long runId) {
        return jdbc.queryForList("SELECT message FROM etl_source_status WHERE run_id = ? AND status IN ('FAILED', 'UNREADABLE') "
                + "ORDER BY source_id", String.class, runId);
    }
}
