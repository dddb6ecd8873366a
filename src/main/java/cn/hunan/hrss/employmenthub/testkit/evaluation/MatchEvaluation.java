package cn.hunan.hrss.employmenthub.testkit.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures matching against a known truth ({@code fuzzy_persons} in a generated {@code truth.json}): for each record
 * written with mistakes (no ID number, a first-generation 15-digit one), the record of the same person in another
 * source, or none for a decoy. A pair is predicted when the record belongs to a golden person, correct when that
 * person is the one its twin record belongs to. Precision = correct / predicted, recall = correct / expected.
 * The warehouse is read one source (or file) at a time, keeping only the records the truth names.
 */
@Component
public class MatchEvaluation {

    /** The counts, and the records matching got wrong (source and key only, nothing personal). */
    public record Result(long records, long predicted, long correct, long expected, List<String> misses,
                         Map<String, Tally> byMistakes, Map<String, BlockTally> byBlock) {

        public Result(long records, long predicted, long correct, long expected, List<String> misses) {
            this(records, predicted, correct, expected, misses, Map.of(), Map.of());
        }

        /** The table by candidate block: pairs produced, true matches merged that it found, and found by it alone. */
        public String blockTable() {
            StringBuilder out = new StringBuilder(String.format("%-20s %10s %12s %12s%n", "block", "pairs", "true found",
                    "found alone"));
            byBlock.forEach((k, t) -> out.append(String.format("%-20s %10d %12d %12d%n", k, t.pairs, t.found, t.alone)));
            return out.toString();
        }

        /** The table by mistake combination (where the truth names them): records, to merge, merged right, merged wrong. */
        public String table() {
            StringBuilder out = new StringBuilder(String.format("%-42s %7s %7s %7s %7s %7s %7s%n", "mistakes", "records",
                    "to merge", "right", "wrong", "review", "recall"));
            byMistakes.forEach((k, t) -> out.append(String.format("%-42s %7d %7d %7d %7d %7d %7s%n", k, t.records, t.expected,
                    t.correct, t.wrong, t.review, t.expected == 0 ? "-" : String.format("%.3f", (double) t.correct / t.expected))));
            return out.toString();
        }
        public double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }

        public double recall() {
            return expected == 0 ? 1.0 : (double) correct / expected;
        }

        public String summary() {
            return String.format("fuzzy person records: %d in truth, %d to merge; merged %d, %d correctly: "
                    + "precision %.4f, recall %.4f", records, expected, predicted, correct, precision(), recall());
        }
    }

    /** Counts of one mistake combination: records, to merge, merged into the right person, merged wrongly, for review. */
    public static final class Tally {
        public long review;
        public long records;
        public long expected;
        public long correct;
        public long wrong;
    }

    /** Counts of one candidate block: pairs it produced, true matches merged that it found, of those found only by it. */
    public static final class BlockTally {
        public long pairs;
        public long found;
        public long alone;
    }

    /** What {@code blocks} holds for a record left for review rather than merged. */
    private static final String REVIEW = "(review)";

    private final JdbcTemplate jdbc;

    public MatchEvaluation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Result evaluate(JsonNode fuzzyPersons) {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (JsonNode r : fuzzyPersons) {
            wanted.computeIfAbsent(origin(r), k -> new HashSet<>()).add(place(r));
            if (text(r, "same_as_source_id") != null) {
                wanted.computeIfAbsent(text(r, "same_as_source_id"), k -> new HashSet<>()).add(text(r, "same_as_source_key"));
            }
        }
        Map<String, String> person = new HashMap<>();
        Map<String, String> blocks = new HashMap<>();
        Map<String, String> merged = new HashMap<>();
        jdbc.query("SELECT source_id, source_key, stg_id, COALESCE(blocks, ''), decision FROM wh_match_evidence ORDER BY id", rs -> {
            String by = rs.getString(5).equals("merged") ? rs.getString(4) : REVIEW;
            merged.put(rs.getString(1) + "\u0000" + rs.getString(2), by);
            merged.put("#" + rs.getLong(3), by);
        });
        wanted.forEach((origin, places) -> load(origin, places, person, merged, blocks));
        Map<String, BlockTally> byBlock = new java.util.TreeMap<>();
        jdbc.query("SELECT block, SUM(pairs) FROM etl_match_block GROUP BY block", rs -> {
            byBlock.computeIfAbsent(rs.getString(1), k -> new BlockTally()).pairs = rs.getLong(2);
        });
        long predicted = 0;
        long correct = 0;
        long expected = 0;
        List<String> misses = new ArrayList<>();
        Map<String, Tally> byMistakes = new java.util.TreeMap<>();
        for (JsonNode r : fuzzyPersons) {
            String record = r.get("source_id").asText() + "/" + place(r);
            String found = person.get(origin(r) + "\u0000" + place(r));
            String twinSource = text(r, "same_as_source_id");
            String twin = twinSource == null ? null : twinSource + "/" + text(r, "same_as_source_key");
            String truth = twinSource == null ? null : person.get(twinSource + "\u0000" + text(r, "same_as_source_key"));
            expected += twin == null ? 0 : 1;
            predicted += found == null ? 0 : 1;
            Tally tally = text(r, "mistakes") == null ? new Tally() : byMistakes.computeIfAbsent(text(r, "mistakes"), k -> new Tally());
            tally.records++;
            tally.expected += twin == null ? 0 : 1;
            boolean right = twin != null && found != null && found.equals(truth);
            tally.correct += right ? 1 : 0;
            String by = blocks.getOrDefault(origin(r) + "\u0000" + place(r), merged.get(origin(r) + "\u0000" + place(r)));
            tally.review += found == null && REVIEW.equals(by) ? 1 : 0;
            if (right && by != null && !by.isEmpty() && !REVIEW.equals(by)) {
                String[] names = by.split(",");
                for (String block : names) {
                    BlockTally b = byBlock.computeIfAbsent(block, k -> new BlockTally());
                    b.found++;
                    b.alone += names.length == 1 ? 1 : 0;
                }
            }
            tally.wrong += found != null && !right ? 1 : 0;
            if (right) {
                correct++;
            } else if (twin == null && found != null) {
                misses.add("decoy " + record + " was merged into a person");
            } else if (twin != null) {
                misses.add(record + (found == null ? " was not merged" : " was merged into another person")
                        + (truth == null ? " (its twin " + twin + " is in no golden record)" : ""));
            }
        }
        return new Result(fuzzyPersons.size(), predicted, correct, expected, misses, byMistakes, byBlock);
    }

    /** Where a record is found: its source, or its source and file for a record named by file and line. */
    private static String origin(JsonNode r) {
        return text(r, "source_key") != null ? r.get("source_id").asText()
                : r.get("source_id").asText() + "\u0000" + text(r, "file");
    }

    /** The record within its origin: its key, or its line. */
    private static String place(JsonNode r) {
        return text(r, "source_key") != null ? text(r, "source_key") : text(r, "line");
    }

    /**
     * The golden person (match key) of each wanted record of one origin, into {@code person}; the blocks that found it,
     * where matching merged it ({@code found}: by source and key, or by staged record id), into {@code blocks}.
     */
    private void load(String origin, Set<String> places, Map<String, String> person, Map<String, String> found,
                      Map<String, String> blocks) {
        String[] parts = origin.split("\u0000", 2);
        if (parts.length == 1) {
            jdbc.query("SELECT x.source_key, x.match_key FROM wh_xref x WHERE x.entity = 'person' AND x.source_id = ?", rs -> {
                if (places.contains(rs.getString(1))) {
                    person.put(origin + "\u0000" + rs.getString(1), rs.getString(2));
                    putIfFound(blocks, origin + "\u0000" + rs.getString(1), found.get(parts[0] + "\u0000" + rs.getString(1)));
                }
            }, parts[0]);
        } else {
            jdbc.query("SELECT s.line_no, p.match_key, s.id FROM stg_person s LEFT JOIN wh_person p ON p.match_key = s.match_key "
                    + "WHERE s.source_id = ? AND s.file_name = ? ORDER BY s.id", rs -> {
                if (places.contains(rs.getString(1))) {
                    if (rs.getString(2) != null) {
                        person.put(origin + "\u0000" + rs.getString(1), rs.getString(2));
                    }
                    putIfFound(blocks, origin + "\u0000" + rs.getString(1), found.get("#" + rs.getLong(3)));
                }
            }, parts[0], parts[1]);
        }
    }

    private static void putIfFound(Map<String, String> blocks, String record, String by) {
        if (by != null) {
            blocks.put(record, by);
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
