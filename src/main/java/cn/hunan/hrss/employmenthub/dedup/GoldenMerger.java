package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.warehouse.ShownKeys;
import cn.hunan.hrss.employmenthub.warehouse.StagingColumns;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merges a run's staged records into one golden record per match key, set-based (a handful of statements
 * per entity, no per-row round trips), one transaction per entity, entities in dependency order:
 * <ol>
 *   <li>the candidates are the run's staged records plus those parked by earlier runs; a reference given by a
 *   source key is resolved to the golden record that (source, key) became ({@link ReferenceResolver});</li>
 *   <li>a candidate whose person, employer or enterprise has not arrived is <em>parked</em>, or quarantined
 *   once it has waited longer than park-days; a placement starting before its person registered is
 *   quarantined;</li>
 *   <li>within the rest, the best record per match key wins (lowest priority number, then the most recent, then
 *   the most complete), the others are <em>merged</em> duplicates; a winner is <em>new</em> when no golden record exists,
 *   <em>unchanged</em> when its content equals the golden record's and its source does not outrank the golden
 *   record's, <em>updated</em> when it outranks the golden record's source (even with equal content, so that the
 *   order in which sources arrive does not decide which one a golden record cites), else merged;</li>
 *   <li>new and updated winners are upserted, each attribute is then settled on its own by
 *   {@link AttributeSurvivorship}, and every (source, source key) is mapped to its golden record.</li>
 * </ol>
 * Rerunning a night finds every record unchanged or merged and writes no golden row.
 */
@Component
public class GoldenMerger {

    private static final String EPOCH = AttributeSurvivorship.EPOCH;
    /** The rules the merge itself quarantines or parks by, as an SQL list: its rows are its own to redo. */
    private static final String MERGE_RULES = Stream.concat(Stream.of(Rule.PLACEMENT_BEFORE_REGISTRATION),
            Reference.ALL.stream().map(Reference::rule)).distinct().map(r -> "'" + r.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PersonHistory history;
    private final PersonMatcher matcher;
    private final EmployerMatcher employers;
    private final AttributeSurvivorship survivorship;
    private final ReferenceResolver references;

    public GoldenMerger(JdbcTemplate jdbc, TransactionTemplate tx, PersonHistory history, PersonMatcher matcher,
                        EmployerMatcher employers, AttributeSurvivorship survivorship, ReferenceResolver references) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.history = history;
        this.matcher = matcher;
        this.employers = employers;
        this.survivorship = survivorship;
        this.references = references;
    }

    /** Merges every entity, each in its own transaction (outside the job, e.g. in tests). */
    public void merge(long runId, LocalDate runDate, MergeSettings settings) {
        begin(runId);
        for (EntityType e : EntityType.values()) {
            tx.executeWithoutResult(status -> merge(runId, runDate, e, settings));
        }
    }

    /** Starts a run's merge: forgets the counties an earlier attempt recorded before its first entity committed. */
    public void begin(long runId) {
        jdbc.update("DELETE FROM etl_touched_county WHERE run_id = ?", runId);
    }

    /**
     * Merges one entity in the caller's transaction. Entities go in the order of {@link EntityType#values()}; the
     * job commits each with its progress, so that a restart continues after the last entity merged.
     */
    public void merge(long runId, LocalDate runDate, EntityType e, MergeSettings settings) {
        mergeEntity(runId, runDate, e, settings);
        if (e == EntityType.PERSON) {
            history.record(runId, runDate);
        }
    }

    void mergeEntity(long runId, LocalDate runDate, EntityType e, MergeSettings settings) {
        forgetEarlierAttempt(runId, e);
        if (e == EntityType.PERSON) {
            matcher.resolve(runId, settings.matching());
        }
        if (e == EntityType.EMPLOYER) {
            employers.resolve(runId);
        }
        references.resolve(runId, e);
        String candidates = candidates(e, jdbc.queryForObject("SELECT COUNT(*) FROM etl_parked WHERE entity = ?", Long.class,
                e.key()) > 0);
        for (Reference ref : Reference.of(e)) {
            park(runId, runDate, settings.parkDays(), e, ref, candidates);
        }
        if (e == EntityType.PLACEMENT) {
            quarantine(runId, e, candidates, Rule.PLACEMENT_BEFORE_REGISTRATION, "started_on", "JOIN wh_person p ON "
                    + "p.id_number_hash = s.person_id_number_hash", "p.registered_on IS NOT NULL AND s.started_on < p.registered_on");
        }
        ShownKeys.settle(jdbc, runId, e.key(), MERGE_RULES);
        jdbc.update(outcomeSql(e, candidates), runId, e.key(), runId, runId, runId);
        jdbc.update("DELETE FROM etl_parked WHERE entity = ? AND stg_id IN (SELECT o.stg_id FROM etl_outcome o "
                + "WHERE o.run_id = ? AND o.entity = ? AND o.outcome <> 'parked')", e.key(), runId, e.key());
        touchCounties(runId, e);
        jdbc.update(upsertSql(e, AttributeSurvivorship.ruledColumns(e, settings.survivorship())), runId, runId, runId, e.key());
        survivorship.settle(runId, e, settings.survivorship());
        touch(runId, "SELECT g.county_code FROM " + e.goldenTable() + " g JOIN etl_fill f ON f.match_key = g.match_key AND "
                + "f.run_id = " + runId + " AND f.entity = '" + e.key() + "'");
        jdbc.update("INSERT INTO wh_xref (entity, source_id, source_key, match_key, created_run_id) "
                + "SELECT ?, s.source_id, s.source_key, MAX(s.match_key), ? FROM " + e.stagingTable() + " s "
                + "JOIN etl_outcome o ON o.run_id = ? AND o.entity = ? AND o.stg_id = s.id "
                + "WHERE o.outcome IN ('new', 'updated', 'unchanged', 'merged') GROUP BY s.source_id, s.source_key "
                + "ON DUPLICATE KEY UPDATE match_key = VALUES(match_key)", e.key(), runId, runId, e.key());
    }

    /**
     * Records the counties whose marts this entity's changes affect: the county a changed golden record had, the
     * county it has now, and for events the county of their person.
     */
    private void touchCounties(long runId, EntityType e) {
        String changed = " JOIN etl_outcome o ON o.run_id = " + runId + " AND o.entity = '" + e.key() + "' AND o.stg_id = s.id "
                + "WHERE o.outcome IN ('new', 'updated')";
        String counties = "SELECT g.county_code FROM " + e.goldenTable() + " g JOIN " + e.stagingTable() + " s ON s.match_key = "
                + "g.match_key" + changed + " UNION SELECT s.county_code FROM " + e.stagingTable() + " s" + changed;
        if (e.field("person_id_number").isPresent()) {
            counties += " UNION SELECT p.county_code FROM " + e.stagingTable() + " s JOIN wh_person p ON p.id_number_hash = "
                    + "s.person_id_number_hash" + changed;
        }
        touch(runId, counties);
    }

    /** Records the counties a SELECT of {@code county_code} names as touched by the run (once each). */
    private void touch(long runId, String counties) {
        jdbc.update("INSERT INTO etl_touched_county (run_id, county_code) SELECT DISTINCT ?, COALESCE(x.county_code, '') FROM ("
                + counties + ") x WHERE NOT EXISTS (SELECT 1 FROM etl_touched_county t WHERE t.run_id = ? AND t.county_code = "
                + "COALESCE(x.county_code, ''))", runId, runId);
    }

    /** A restarted merge starts over: what an interrupted attempt decided for this run is dropped. */
    private void forgetEarlierAttempt(long runId, EntityType e) {
        jdbc.update("DELETE FROM etl_parked WHERE entity = ? AND first_run_id = ?", e.key(), runId);
        jdbc.update("DELETE FROM etl_outcome WHERE run_id = ? AND entity = ? AND outcome <> 'held'", runId, e.key());
        jdbc.update("DELETE FROM quarantine WHERE run_id = ? AND entity = ? AND rule_code IN " + MERGE_RULES, runId, e.key());
        jdbc.update("DELETE FROM dq_violation WHERE run_id = ? AND entity = ? AND rule_code IN " + MERGE_RULES, runId, e.key());
        if (e == EntityType.PERSON) {
            jdbc.update("DELETE FROM wh_match_evidence WHERE run_id = ?", runId);
            jdbc.update("DELETE FROM etl_match_weight WHERE run_id = ?", runId);
            jdbc.update("DELETE FROM etl_match_block WHERE run_id = ?", runId);
        }
    }

    /**
     * The staged records {@code s} this run decides on, as a FROM clause: its own and those parked earlier (found by
     * the run's index and by the parked list, each through an index, never by a scan of all staging), without an
     * outcome yet; when nothing was parked earlier, only the run's own, read straight from staging (the first night's
     * millions are not looked up one by one). Two parameters: the run, twice.
     */
    static String candidates(EntityType e, boolean parkedEarlier) {
        String undecided = " AND NOT EXISTS (SELECT 1 FROM etl_outcome x WHERE x.run_id = ? AND x.entity = '" + e.key()
                + "' AND x.stg_id = s.id)";
        if (!parkedEarlier) {
            return e.stagingTable() + " s JOIN (SELECT 1 AS one) cand ON s.run_id = ?" + undecided;
        }
        return "(SELECT c.id FROM " + e.stagingTable() + " c WHERE c.run_id = ? UNION SELECT pk.stg_id FROM etl_parked pk "
                + "WHERE pk.entity = '" + e.key() + "') cand JOIN " + e.stagingTable() + " s ON s.id = cand.id" + undecided;
    }

    private void park(long runId, LocalDate runDate, int parkDays, EntityType e, Reference ref, String candidates) {
        String stg = e.stagingTable();
        String waitedTooLong = "s.id IN (SELECT pk.stg_id FROM etl_parked pk WHERE pk.entity = '" + e.key()
                + "' AND pk.first_run_date <= ?)";
        LocalDate cutoff = runDate.minusDays(parkDays);
        quarantine(runId, e, candidates, ref.rule(), ref.field(), "", ref.missing() + " AND " + waitedTooLong, cutoff);
        jdbc.update("INSERT INTO etl_outcome (run_id, entity, stg_id, source_id, outcome, carried) SELECT ?, ?, s.id, s.source_id, "
                + "'parked', CASE WHEN s.run_id = ? THEN 0 ELSE 1 END FROM " + candidates + " WHERE "
                + ref.missing(), runId, e.key(), runId, runId, runId);
        jdbc.update("INSERT INTO etl_parked (entity, stg_id, source_id, rule_code, first_run_id, first_run_date) "
                + "SELECT ?, o.stg_id, o.source_id, ?, ?, ? FROM etl_outcome o WHERE o.run_id = ? AND o.entity = ? "
                + "AND o.outcome = 'parked' AND o.carried = 0 AND NOT EXISTS (SELECT 1 FROM etl_parked pk "
                + "WHERE pk.entity = o.entity AND pk.stg_id = o.stg_id)", e.key(), ref.rule().name(), runId, runDate, runId,
                e.key());
        jdbc.update("INSERT INTO dq_violation (run_id, source_id, entity, file_name, line_no, rule_code, severity, field_name, "
                + "detail, source_key) SELECT ?, s.source_id, ?, s.file_name, s.line_no, ?, 'PARK', ?, ?, s.source_key FROM " + stg + " s "
                + "JOIN etl_outcome o ON o.run_id = ? AND o.entity = ? AND o.stg_id = s.id AND o.outcome = 'parked' "
                + "AND o.carried = 0 JOIN etl_parked pk ON pk.entity = o.entity AND pk.stg_id = o.stg_id AND pk.rule_code = ? "
                + "AND pk.first_run_id = ?", runId, e.key(), ref.rule().name(), ref.field(), ref.rule().description(), runId,
                e.key(), ref.rule().name(), runId);
    }

    /**
     * Quarantines the candidates that meet {@code condition} with {@code rule}: they get a quarantine row (with
     * the payload from the landing area), a violation row and the outcome 'quarantined'.
     */
    private void quarantine(long runId, EntityType e, String candidates, Rule rule, String field, String join,
                            String condition, Object... conditionParams) {
        String from = " FROM " + candidates + " " + join + " LEFT JOIN landing_record l ON l.run_id = s.run_id AND "
                + "l.source_id = s.source_id AND l.entity = '" + e.key() + "' AND l.file_name = s.file_name AND l.line_no = "
                + "s.line_no WHERE " + condition;
        Object[] where = concat(new Object[] {runId, runId}, conditionParams);
        jdbc.update("INSERT INTO quarantine (run_id, origin_run_id, source_id, entity, file_name, line_no, rule_code, field_name, "
                + "detail, all_rules, payload_masked, payload_enc, source_key) SELECT ?, s.run_id, s.source_id, ?, s.file_name, "
                + "s.line_no, ?, ?, ?, ?, COALESCE(l.payload_masked, '{}'), l.payload_enc, s.source_key" + from,
                concat(new Object[] {runId, e.key(), rule.name(), field, rule.description(), rule.name()}, where));
        jdbc.update("INSERT INTO dq_violation (run_id, source_id, entity, file_name, line_no, rule_code, severity, field_name, "
                + "detail, source_key) SELECT ?, s.source_id, ?, s.file_name, s.line_no, ?, 'ERROR', ?, ?, s.source_key" + from,
                concat(new Object[] {runId, e.key(), rule.name(), field, rule.description()}, where));
        jdbc.update("INSERT INTO etl_outcome (run_id, entity, stg_id, source_id, outcome, carried) SELECT ?, ?, s.id, s.source_id, "
                + "CASE WHEN s.run_id = ? THEN 'quarantined' ELSE 'expired' END, CASE WHEN s.run_id = ? THEN 0 ELSE 1 END" + from,
                concat(new Object[] {runId, e.key(), runId, runId}, where));
        jdbc.update("DELETE FROM etl_parked WHERE entity = ? AND stg_id IN (SELECT o.stg_id FROM etl_outcome o WHERE "
                + "o.run_id = ? AND o.entity = ? AND o.outcome IN ('quarantined', 'expired'))", e.key(), runId, e.key());
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String outcomeSql(EntityType e, String candidates) {
        return "INSERT INTO etl_outcome (run_id, entity, stg_id, source_id, outcome, carried) "
                + "SELECT ?, ?, r.id, r.source_id, CASE "
                + "WHEN r.rn > 1 THEN 'merged' "
                + "WHEN r.weak = 1 AND g.match_key IS NOT NULL THEN 'merged' "
                + "WHEN g.match_key IS NULL THEN 'new' "
                + "WHEN g.row_hash = r.row_hash AND r.priority >= g.src_priority THEN 'unchanged' "
                + "WHEN r.priority < g.src_priority OR (r.priority = g.src_priority AND COALESCE(r.src_updated_at, " + EPOCH
                + ") >= COALESCE(g.src_updated_at, " + EPOCH + ")) THEN 'updated' "
                + "ELSE 'merged' END, CASE WHEN r.run_id = ? THEN 0 ELSE 1 END "
                + "FROM (SELECT s.id, s.run_id, s.source_id, s.match_key, s.row_hash, s.priority, s.src_updated_at, "
                + AttributeSurvivorship.weak(e) + " AS weak, ROW_NUMBER() OVER (PARTITION BY s.match_key ORDER BY "
                + AttributeSurvivorship.bestFirst(e, AttributeSurvivorship.weak(e) + ", s.priority") + ") AS rn FROM "
                + candidates + ") r "
                + "LEFT JOIN " + e.goldenTable() + " g ON g.match_key = r.match_key";
    }

    static String upsertSql(EntityType e, List<String> ruled) {
        List<String> content = StagingColumns.of(e);
        String insertCols = "match_key, row_hash, src_source_id, src_priority, src_updated_at, created_run_id, updated_run_id, "
                + String.join(", ", content);
        String selectCols = "s.match_key, s.row_hash, s.source_id, s.priority, s.src_updated_at, ?, ?, "
                + content.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        String updates = List.of("row_hash", "src_source_id", "src_priority", "src_updated_at", "updated_run_id").stream()
                .map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "))
                + ", " + content.stream().filter(c -> !ruled.contains(c))
                .map(c -> c + " = COALESCE(VALUES(" + c + "), " + e.goldenTable() + "." + c + ")")
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + e.goldenTable() + " (" + insertCols + ") SELECT " + selectCols + " FROM " + e.stagingTable()
                + " s JOIN etl_outcome o ON o.run_id = ? AND o.entity = ? AND o.stg_id = s.id "
                + "WHERE o.outcome IN ('new', 'updated') ON DUPLICATE KEY UPDATE " + updates;
    }
}
