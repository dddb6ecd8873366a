package cn.hunan.hrss.employmenthub.support;

import cn.hunan.hrss.employmenthub.testkit.evaluation.MatchEvaluation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** Compares a run's warehouse with the generator's truth.json; returns every difference found. */
public final class TruthCheck {

    private final JdbcTemplate jdbc;
    private final JsonNode truth;
    private final List<String> differences = new ArrayList<>();

    public TruthCheck(JdbcTemplate jdbc, JsonNode truth) {
        this.jdbc = jdbc;
        this.truth = truth;
    }

    public static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    public List<String> differences(long runId) {
        perEntity("read", "SELECT entity, SUM(read_count) FROM etl_reconciliation WHERE run_id = ? GROUP BY entity", runId);
        perEntity("merged", "SELECT entity, SUM(merged_count) FROM etl_reconciliation WHERE run_id = ? GROUP BY entity", runId);
        perEntity("parked", "SELECT entity, SUM(parked_count) FROM etl_reconciliation WHERE run_id = ? GROUP BY entity", runId);
        Map<String, Long> parkedRules = new TreeMap<>();
        jdbc.query("SELECT rule_code, COUNT(*) FROM dq_violation WHERE run_id = ? AND severity = 'PARK' GROUP BY rule_code",
                rs -> { parkedRules.put(rs.getString(1), rs.getLong(2)); }, runId);
        Map<String, Long> expectedParked = new TreeMap<>();
        truth.get("parked_by_rule").fields().forEachRemaining(e -> expectedParked.put(e.getKey(), e.getValue().asLong()));
        compare("parked by rule", expectedParked, parkedRules);
        truth.get("distinct").fields().forEachRemaining(e -> compare("distinct " + e.getKey(), e.getValue().asLong(),
                jdbc.queryForObject("SELECT COUNT(*) FROM wh_" + e.getKey(), Long.class)));
        Map<String, Long> rules = new TreeMap<>();
        jdbc.query("SELECT rule_code, COUNT(*) FROM quarantine WHERE run_id = ? GROUP BY rule_code",
                rs -> { rules.put(rs.getString(1), rs.getLong(2)); }, runId);
        Map<String, Long> expectedRules = new TreeMap<>();
        truth.get("quarantined_by_rule").fields().forEachRemaining(e -> expectedRules.put(e.getKey(), e.getValue().asLong()));
        compare("quarantine by rule", expectedRules, rules);
        Map<String, Long> violations = new TreeMap<>();
        jdbc.query("SELECT rule_code, COUNT(*) FROM dq_violation WHERE run_id = ? AND severity = 'ERROR' GROUP BY rule_code",
                rs -> { violations.put(rs.getString(1), rs.getLong(2)); }, runId);
        compare("violations by rule (every rule each record broke)", expectedRules, violations);
        Map<String, Long> warnings = new TreeMap<>();
        jdbc.query("SELECT rule_code, COUNT(*) FROM dq_violation WHERE run_id = ? AND severity = 'WARNING' GROUP BY rule_code",
                rs -> { warnings.put(rs.getString(1), rs.getLong(2)); }, runId);
        Map<String, Long> expectedWarnings = new TreeMap<>();
        truth.get("warnings_by_rule").fields().forEachRemaining(e -> expectedWarnings.put(e.getKey(), e.getValue().asLong()));
        compare("warnings by rule", expectedWarnings, warnings);
        fuzzyPersons();
        truth.get("marts").fields().forEachRemaining(m -> {
            List<String> key = new ArrayList<>();
            m.getValue().get("key").forEach(k -> key.add(k.asText()));
            JsonNode where = m.getValue().get("where");
            rows(m.getKey(), m.getValue().get("rows"), String.join(", ", key),
                    "SELECT * FROM " + m.getKey() + (where == null ? "" : " WHERE " + where.asText()));
        });
        return differences;
    }

    private MatchEvaluation.Result quality;

    /** Pairwise precision and recall of matching persons registered without an ID number (after {@code check}). */
    public MatchEvaluation.Result matchQuality() {
        return quality;
    }

    private void fuzzyPersons() {
        JsonNode rows = truth.get("fuzzy_persons");
        if (rows == null) {
            return;
        }
        quality = new MatchEvaluation(jdbc).evaluate(rows);
        quality.misses().forEach(m -> differences.add("fuzzy person " + m));
    }

    private void perEntity(String what, String sql, long runId) {
        Map<String, Long> actual = new HashMap<>();
        jdbc.query(sql, rs -> { actual.put(rs.getString(1), rs.getLong(2)); }, runId);
        truth.get(what).fields().forEachRemaining(e -> compare(what + " " + e.getKey(), e.getValue().asLong(),
                actual.getOrDefault(e.getKey(), 0L)));
    }

    private void rows(String mart, JsonNode expected, String keyColumns, String sql) {
        String[] keys = keyColumns.split(",\\s*");
        Map<String, Map<String, Object>> actual = new TreeMap<>();
        for (Map<String, Object> row : jdbc.queryForList(sql)) {
            Map<String, Object> lower = new java.util.HashMap<>();
            row.forEach((k, v) -> lower.put(k.toLowerCase(), v instanceof java.sql.Date d ? d.toLocalDate() : v));
            actual.put(key(keys, lower::get), lower);
        }
        int matched = 0;
        for (JsonNode e : expected) {
            String k = key(keys, name -> e.get(name).asText());
            Map<String, Object> row = actual.remove(k);
            if (row == null) {
                differences.add(mart + " " + k + ": missing");
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> it = e.fields();
            boolean same = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                Object v = row.get(f.getKey());
                if (!sameValue(f.getValue(), v)) {
                    differences.add(mart + " " + k + " " + f.getKey() + ": expected " + f.getValue() + ", got " + v);
                    same = false;
                }
            }
            matched += same ? 1 : 0;
        }
        actual.keySet().forEach(k -> differences.add(mart + " " + k + ": unexpected row"));
        if (matched == 0 && expected.size() > 0) {
            differences.add(mart + ": no row matched");
        }
    }

    private static boolean sameValue(JsonNode expected, Object actual) {
        if (expected.isNull()) {
            return actual == null;
        }
        if (actual == null) {
            return false;
        }
        if (expected.isNumber()) {
            return new BigDecimal(actual.toString()).compareTo(expected.decimalValue()) == 0;
        }
        return expected.asText().equals(actual.toString());
    }

    private static String key(String[] keys, java.util.function.Function<String, Object> value) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append(sb.length() == 0 ? "" : "/").append(value.apply(k));
        }
        return sb.toString();
    }

    private void compare(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            differences.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
