package cn.hunan.hrss.employmenthub.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures matching against a known truth ({@code fuzzy_persons} in a generated {@code truth.json}): for each record
 * registered without an ID number, the record of the same person in another source, or none for a decoy. A pair is
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
            return String.format("persons without ID number: %d in truth, %d to merge; merged %d, %d correctly: "
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
            String record = r.get("source_id").asText() + "/" + r.get("source_key").asText();
            String found = person(r.get("source_id").asText(), r.get("source_key").asText());
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

    private String person(String sourceId, String sourceKey) {
        List<String> keys = jdbc.queryForList("SELECT match_key FROM wh_xref WHERE entity = 'person' AND source_id = ? "
                + "AND source_key = ?", String.class, sourceId, sourceKey);
        return keys.isEmpty() ? null : keys.get(0);
    }
}
