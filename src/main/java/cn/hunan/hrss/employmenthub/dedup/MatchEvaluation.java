package cn.hunan.hrss.employmenthub.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures matching against a known truth ({@code fuzzy_persons} in a generated {@code truth.json}): for each record
 * written with mistakes (no ID number, a first-generation 15-digit one), the record of the same person in another
 * source, or none for a decoy. A pair is
 * predicted when the cross-reference maps the record to a person, correct when that person is the one its twin
 * record maps to. Precision = correct / predicted, recall = correct / expected.
 */
@Component
public class MatchEvaluation {

    /** The counts, and the records matching got wrong (source and key only, nothing personal). */
    public record Result(long records, long predicted, long correct, long expected, List<String> misses) {
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

    private final JdbcTemplate jdbc;

    public MatchEvaluation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Result evaluate(JsonNode fuzzyPersons) {
        long predicted = 0;
        long correct = 0;
        long expected = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode r : fuzzyPersons) {
            boolean byLine = text(r, "source_key") == null;
            String record = r.get("source_id").asText() + "/" + (byLine ? text(r, "file") + ":" + text(r, "line")
                    : text(r, "source_key"));
            String found = byLine ? personAt(r.get("source_id").asText(), text(r, "file"), Long.parseLong(text(r, "line")))
                    : person(r.get("source_id").asText(), text(r, "source_key"));
            JsonNode twin = r.get("same_as_source_id");
            String truth = twin == null || twin.isNull() ? null : person(twin.asText(), r.get("same_as_source_key").asText());
            boolean decoy = twin == null || twin.isNull();
            expected += decoy ? 0 : 1;
            predicted += found == null ? 0 : 1;
            if (!decoy && found != null && found.equals(truth)) {
                correct++;
            } else if (decoy && found != null) {
                misses.add("decoy " + record + " was merged into a person");
            } else if (!decoy) {
                misses.add(record + (found == null ? " was not merged" : " was merged into another person")
                        + (truth == null ? " (its twin " + twin.asText() + "/" + r.get("same_as_source_key").asText()
                        + " is in no golden record)" : ""));
            }
        }
        return new Result(fuzzyPersons.size(), predicted, correct, expected, misses);
    }

    private static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The golden person of the record at a file's line (its latest load), for sources without keys of their own. */
    private String personAt(String sourceId, String file, long line) {
        List<String> keys = jdbc.queryForList("SELECT p.match_key FROM stg_person s JOIN wh_person p ON p.match_key = "
                + "s.match_key WHERE s.source_id = ? AND s.file_name = ? AND s.line_no = ? ORDER BY s.id DESC", String.class,
                sourceId, file, line);
        return keys.isEmpty() ? null : keys.get(0);
    }

    private String person(String sourceId, String sourceKey) {
        List<String> keys = jdbc.queryForList("SELECT match_key FROM wh_xref WHERE entity = 'person' AND source_id = ? "
                + "AND source_key = ?", String.class, sourceId, sourceKey);
        return keys.isEmpty() ? null : keys.get(0);
    }
}
