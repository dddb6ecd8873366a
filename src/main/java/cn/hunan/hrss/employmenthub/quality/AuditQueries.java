package cn.hunan.hrss.employmenthub.quality;

import cn.hunan.hrss.employmenthub.quality.AuditData.Jump;
import cn.hunan.hrss.employmenthub.quality.AuditData.RuleLine;
import cn.hunan.hrss.employmenthub.quality.AuditData.Sample;
import cn.hunan.hrss.employmenthub.quality.AuditData.SourceLine;
import cn.hunan.hrss.employmenthub.quality.AuditData.TrendPoint;
import cn.hunan.hrss.employmenthub.quality.AuditData.UnitLine;
import cn.hunan.hrss.employmenthub.record.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads what an audit report shows from the warehouse. */
@Component
public class AuditQueries {

    static final int SAMPLES_PER_RULE = 20;
    static final int TREND_RUNS = 30;
    /** A jump: at least this many percentage points above the source's median of earlier runs, and twice it. */
    static final BigDecimal JUMP_POINTS = new BigDecimal("0.05");

    private final JdbcTemplate jdbc;
    private final cn.hunan.hrss.employmenthub.warehouse.AdminLog adminLog;

    public AuditQueries(JdbcTemplate jdbc, cn.hunan.hrss.employmenthub.warehouse.AdminLog adminLog) {
        this.jdbc = jdbc;
        this.adminLog = adminLog;
    }

    /** The latest run that read anything (a night that found nothing new has nothing to audit), else the latest. */
    public Optional<Long> latestRun() {
        return jdbc.queryForList("SELECT MAX(run_id) FROM etl_reconciliation WHERE read_count > 0 UNION ALL "
                + "SELECT MAX(run_id) FROM etl_run", Long.class).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public AuditData load(long runId) {
        AuditData.Run run = jdbc.query("SELECT run_id, run_date, status, message FROM etl_run WHERE run_id = ?",
                (rs, i) -> new AuditData.Run(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class), rs.getString(3),
                        rs.getString(4)), runId).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run " + runId + " in the warehouse"));
        List<SourceLine> sources = jdbc.query("SELECT source_id, entity, read_count, new_count + updated_count + unchanged_count, "
                + "merged_count, quarantined_count, parked_count, held_count FROM etl_reconciliation WHERE run_id = ? "
                + "ORDER BY source_id, entity", (rs, i) -> new SourceLine(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)), runId);
        List<UnitLine> units = jdbc.query("SELECT source_id, entity, unit_label, source_count, rows_read, rows_skipped, "
                + "CASE WHEN fingerprint IS NOT NULL OR watermark IS NOT NULL THEN 1 ELSE 0 END FROM etl_extract_log "
                + "WHERE run_id = ? ORDER BY source_id, entity, unit_label", (rs, i) -> new UnitLine(rs.getString(1),
                rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class), rs.getLong(5), rs.getLong(6),
                rs.getInt(7) == 1), runId);
        List<RuleLine> rules = new ArrayList<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        jdbc.query("SELECT rule_code, severity, COUNT(*) FROM dq_violation WHERE run_id = ? GROUP BY rule_code, severity "
                + "ORDER BY COUNT(*) DESC, rule_code", rs -> {
                    Rule rule = Rule.valueOf(rs.getString(1));
                    rules.add(new RuleLine(rule.name(), rs.getString(2), rule.entities(), rule.description(), rs.getLong(3)));
                }, runId);
        for (RuleLine r : rules) {
            samples.put(r.rule(), jdbc.query("SELECT v.source_id, v.entity, v.file_name, v.line_no, v.source_key, v.field_name, "
                    + "v.detail, l.payload_masked FROM dq_violation v LEFT JOIN landing_record l ON l.run_id = v.run_id AND l.source_id = "
                    + "v.source_id AND l.entity = v.entity AND l.file_name = v.file_name AND l.line_no = v.line_no "
                    + "WHERE v.run_id = ? AND v.rule_code = ? ORDER BY v.source_id, v.file_name, v.line_no LIMIT "
                    + SAMPLES_PER_RULE, (rs, i) -> new Sample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), runId, r.rule()));
        }
        Map<String, List<TrendPoint>> trend = trend(runId);
        return new AuditData(run, sources, units, rules, samples, trend, jumps(runId, trend), actions(runId));
    }

    /**
     * The admin actions since the run before this one finished, up to this run's end (or now, if it has not ended),
     * and those about this run (a rerun is recorded as it ends).
     */
    private List<cn.hunan.hrss.employmenthub.warehouse.AdminLog.Action> actions(long runId) {
        java.sql.Timestamp previous = jdbc.queryForObject("SELECT MAX(finished_at) FROM etl_run WHERE run_id < ?",
                java.sql.Timestamp.class, runId);
        java.sql.Timestamp end = jdbc.queryForObject("SELECT MAX(finished_at) FROM etl_run WHERE run_id = ?",
                java.sql.Timestamp.class, runId);
        return adminLog.between(previous == null ? java.time.LocalDateTime.of(2000, 1, 1, 0, 0) : previous.toLocalDateTime(),
                end == null ? java.time.LocalDateTime.of(9999, 1, 1, 0, 0) : end.toLocalDateTime(), runId);
    }

    /** Per source, its last {@value #TREND_RUNS} runs up to this one that read anything from it, oldest first. */
    private Map<String, List<TrendPoint>> trend(long runId) {
        Map<String, List<TrendPoint>> out = new LinkedHashMap<>();
        jdbc.query("SELECT r.source_id, r.run_id, u.run_date, SUM(r.read_count), SUM(r.quarantined_count) "
                + "FROM etl_reconciliation r JOIN etl_run u ON u.run_id = r.run_id WHERE r.run_id <= ? "
                + "GROUP BY r.source_id, r.run_id, u.run_date HAVING SUM(r.read_count) > 0 ORDER BY r.source_id, r.run_id", rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new TrendPoint(rs.getLong(2),
                            rs.getObject(3, java.time.LocalDate.class), rs.getLong(4), rs.getLong(5)));
                }, runId);
        out.replaceAll((k, v) -> v.size() > TREND_RUNS ? new ArrayList<>(v.subList(v.size() - TREND_RUNS, v.size())) : v);
        return out;
    }

    private static List<Jump> jumps(long runId, Map<String, List<TrendPoint>> trend) {
        List<Jump> out = new ArrayList<>();
        trend.forEach((source, points) -> {
            if (points.size() < 2 || points.get(points.size() - 1).runId() != runId) {
                return;
            }
            BigDecimal now = points.get(points.size() - 1).rejectRate();
            List<BigDecimal> before = points.subList(0, points.size() - 1).stream().map(TrendPoint::rejectRate).sorted().toList();
            BigDecimal usual = before.get(before.size() / 2);
            if (now.subtract(usual).compareTo(JUMP_POINTS) >= 0 && now.compareTo(usual.multiply(BigDecimal.valueOf(2))) >= 0) {
                out.add(new Jump(source, now, usual));
            }
        });
        return out;
    }
}
