package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.warehouse.SqlDialect;
import cn.hunan.hrss.employmenthub.warehouse.StagingColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After the best whole records are upserted, settles each golden attribute on its own (see {@link Survivorship}):
 * <ul>
 *   <li>an attribute with a policy takes the night's best record for it when that record's source ranks higher
 *   than the source the value came from (kept in {@code wh_attribute_source}), or ranks the same and is as
 *   recent;</li>
 *   <li>any other attribute the golden record lacks is taken from the night's best record that has it, so a golden
 *   record never loses what a source once told.</li>
 * </ul>
 * Set-based: per attribute, one statement picks the winners into {@code etl_fill}, one update driven by those rows
 * writes the values that differ (and marks those golden rows updated by the run). Records without an ID number or
 * credit code never shape a golden record. A rerun writes nothing.
 */
@Component
class AttributeSurvivorship {

    static final String EPOCH = "TIMESTAMP '1900-01-01 00:00:00'";
    static final String KEPT = "('new', 'updated', 'unchanged', 'merged')";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    AttributeSurvivorship(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** An attribute: the field's name and the columns that hold it (a personal field's hash, cipher and mask). */
    record Attribute(String field, List<String> columns) {
        String lead() {
            return columns.get(0);
        }
    }

    void settle(long runId, EntityType e, Survivorship policy) {
        jdbc.update("DELETE FROM etl_fill WHERE run_id = ? AND entity = ?", runId, e.key());
        Set<String> gaps = gaps(runId, e, attributes(e).stream().filter(a -> policy.sources(e, a.field()).isEmpty()).toList());
        for (Attribute a : attributes(e)) {
            boolean ruled = !policy.sources(e, a.field()).isEmpty();
            int picked = ruled ? pickByPolicy(runId, e, a, policy) : gaps.contains(a.lead()) ? pickForGap(runId, e, a) : 0;
            if (picked == 0) {
                continue;
            }
            String mine = "f.run_id = " + runId + " AND f.entity = '" + e.key() + "' AND f.column_name = '" + a.lead() + "'";
            String fill = " FROM etl_fill f JOIN " + e.stagingTable() + " s ON s.id = f.stg_id WHERE " + mine;
            List<String> written = new ArrayList<>(a.columns());
            written.add("updated_run_id");
            String differs = "t." + a.lead() + " IS NULL OR t." + a.lead() + " <> x." + a.lead();
            jdbc.update(dialect.updateFrom(e.goldenTable(), "match_key", "SELECT f.match_key, " + a.columns().stream()
                    .map(c -> "s." + c).collect(Collectors.joining(", ")) + ", " + runId + " AS updated_run_id" + fill, written,
                    differs));
            if (ruled) {
                jdbc.update("DELETE FROM wh_attribute_source WHERE entity = ? AND column_name = ? AND match_key IN "
                        + "(SELECT f.match_key FROM etl_fill f WHERE " + mine + ")", e.key(), a.lead());
                jdbc.update("INSERT INTO wh_attribute_source (entity, match_key, column_name, source_id, src_priority, "
                        + "src_updated_at, stg_id, run_id) SELECT ?, f.match_key, ?, s.source_id, s.priority, s.src_updated_at, "
                        + "s.id, ?" + fill, e.key(), a.lead(), runId);
            }
        }
    }

    /**
     * The attributes (by lead column) that some merged record of the night has and its golden record lacks: one pass
     * over the night's merged records, so that the attributes without such a gap (most, most nights) cost nothing.
     */
    private Set<String> gaps(long runId, EntityType e, List<Attribute> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        String probes = candidates.stream().map(a -> "MAX(CASE WHEN g." + a.lead() + " IS NULL AND s." + a.lead()
                + " IS NOT NULL THEN 1 ELSE 0 END)").collect(Collectors.joining(", "));
        return jdbc.query("SELECT " + probes + " FROM " + e.stagingTable() + " s JOIN etl_outcome o ON o.run_id = ? AND "
                + "o.entity = ? AND o.stg_id = s.id JOIN " + e.goldenTable() + " g ON g.match_key = s.match_key WHERE "
                + "o.outcome = 'merged' AND " + weak(e) + " = 0", rs -> {
                    Set<String> found = new HashSet<>();
                    if (rs.next()) {
                        for (int i = 0; i < candidates.size(); i++) {
                            if (rs.getInt(i + 1) == 1) {
                                found.add(candidates.get(i).lead());
                            }
                        }
                    }
                    return found;
                }, runId, e.key());
    }

    /**
     * The attribute's best record of the night for every golden record that lacks it. Only merged records can have
     * it: a new, updated or unchanged record's values are the golden record's already.
     */
    private int pickForGap(long runId, EntityType e, Attribute a) {
        return jdbc.update("INSERT INTO etl_fill (run_id, entity, column_name, match_key, stg_id) SELECT ?, ?, ?, t.match_key, "
                + "t.id FROM (" + ranked(e, a, "s.priority", "('merged')", " AND EXISTS (SELECT 1 FROM " + e.goldenTable() + " g WHERE "
                + "g.match_key = s.match_key AND g." + a.lead() + " IS NULL)") + ") t WHERE t.rn = 1",
                runId, e.key(), a.lead(), runId, e.key());
    }

    /** The attribute's best record of the night where it outranks the source the golden value came from. */
    private int pickByPolicy(long runId, EntityType e, Attribute a, Survivorship policy) {
        String mine = policy.rank(e, a.field(), "s.source_id", "s.priority");
        String theirs = policy.rank(e, a.field(), "h.source_id", "h.src_priority");
        String lead = a.lead();
        return jdbc.update("INSERT INTO etl_fill (run_id, entity, column_name, match_key, stg_id) SELECT ?, ?, ?, t.match_key, "
                + "t.id FROM (" + ranked(e, a, mine, KEPT, "") + ") t JOIN " + e.stagingTable() + " s ON s.id = t.id JOIN "
                + e.goldenTable() + " g ON g.match_key = t.match_key LEFT JOIN wh_attribute_source h ON h.entity = ? AND "
                + "h.column_name = ? AND h.match_key = t.match_key WHERE t.rn = 1 AND (h.match_key IS NULL OR " + theirs
                + " > t.rnk OR (" + theirs + " = t.rnk AND COALESCE(s.src_updated_at, " + EPOCH + ") >= COALESCE("
                + "h.src_updated_at, " + EPOCH + ") AND (g." + lead + " IS NULL OR g." + lead + " <> s." + lead
                + " OR h.source_id <> s.source_id)))", runId, e.key(), lead, runId, e.key(), e.key(), lead);
    }

    /**
     * The night's records with one of {@code outcomes} that have the attribute and meet {@code condition}, numbered
     * per match key from the best ({@code rn = 1}).
     */
    private static String ranked(EntityType e, Attribute a, String rank, String outcomes, String condition) {
        return "SELECT s.match_key, s.id, " + rank + " AS rnk, ROW_NUMBER() OVER (PARTITION BY s.match_key ORDER BY "
                + bestFirst(e, rank) + ") AS rn FROM " + e.stagingTable() + " s JOIN etl_outcome o ON o.run_id = ? AND o.entity = ? "
                + "AND o.stg_id = s.id WHERE o.outcome IN " + outcomes + " AND " + weak(e) + " = 0 AND s." + a.lead() + " IS NOT NULL"
                + condition;
    }

    /**
     * The order in which staged records {@code s} compete, best first: {@code rank} (lower first), the most recent,
     * the most complete; for records that carry no update time, a later file or line counts as more recent.
     */
    static String bestFirst(EntityType e, String rank) {
        return rank + ", COALESCE(s.src_updated_at, " + EPOCH + ") DESC, " + completeness(e) + " DESC, s.source_id, "
                + "s.file_name DESC, s.line_no DESC";
    }

    /** How many content attributes a staged record {@code s} has: the tie-breaker after priority and recency. */
    static String completeness(EntityType e) {
        return "(" + StagingColumns.of(e).stream().filter(c -> !c.endsWith("_enc") && !c.endsWith("_masked"))
                .map(c -> "CASE WHEN s." + c + " IS NULL THEN 0 ELSE 1 END").collect(Collectors.joining(" + ")) + ")";
    }

    /**
     * 1 for a staged record {@code s} that may join a golden record but never shape it: a person registered without
     * an ID number, an employer without a credit code (both matched by name).
     */
    static String weak(EntityType e) {
        return switch (e) {
            case PERSON -> "CASE WHEN s.id_number_hash IS NULL THEN 1 ELSE 0 END";
            case EMPLOYER -> "CASE WHEN s.credit_code IS NULL THEN 1 ELSE 0 END";
            default -> "0";
        };
    }

    /**
     * The attributes settled one by one: every field but the match key's; a personal field as its hash, cipher and
     * mask; a name together with the form matching compares ({@code name_norm}); a residence together with the county
     * it puts the record in ({@code county_code}), so that a person who moved is counted where they live now.
     */
    static List<Attribute> attributes(EntityType e) {
        List<Attribute> out = new ArrayList<>();
        boolean normalised = e.field("name_norm").isPresent();
        for (Field f : e.attributeFields()) {
            List<String> columns = f.personal() ? List.of(f.name() + "_hash", f.name() + "_enc", f.name() + "_masked")
                    : f.name().equals("name") && normalised ? List.of("name", "name_norm")
                    : f.name().equals("residence_region") ? List.of("residence_region", "county_code") : List.of(f.name());
            out.add(new Attribute(f.name(), columns));
        }
        return out;
    }

    /** The columns the upsert of a whole record must leave alone, because a policy of their own settles them. */
    static List<String> ruledColumns(EntityType e, Survivorship policy) {
        return attributes(e).stream().filter(a -> !policy.sources(e, a.field()).isEmpty())
                .flatMap(a -> a.columns().stream()).toList();
    }
}
