package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.testkit.evaluation.MatchEvaluation;
import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * Matching on the generator's hard walk-ins ({@code generate --hard-walk-ins}): two or three mistakes at once, a birth
 * date wrong while the phone is missing or transposed among them, and decoys that share a name and village, a name and
 * birth date, or a phone with a real person. Measured by mistake combination.
 */
class HardWalkInMatchingTests extends MatchingMeasurement {

    @TempDir
    Path dir;

    @Test
    void walkInsWithTwoWrongFieldsAreFoundAndNoDecoyIsMerged() throws Exception {
        // given, when: 3 counties, 15,000 persons with hard walk-ins, their night
        JsonNode truth = night(dir, 15_000, new GenerateCommand.Extras(false, false, false, true));
        MatchEvaluation.Result r = measured(truth);

        // then: enough of each, no decoy merged, every combination found like the rest (a mistyped name with a wrong
        // birth date and no phone too: by the village and birth year alone), and the namesakes of one name and birth
        // date left for review, not merged and not dropped
        assertThat(r.expected()).isGreaterThanOrEqualTo(1000);
        assertThat(r.records() - r.expected()).as("decoys").isGreaterThanOrEqualTo(300);
        for (Map.Entry<String, MatchEvaluation.Tally> e : r.byMistakes().entrySet()) {
            MatchEvaluation.Tally t = e.getValue();
            if (e.getKey().startsWith("decoy")) {
                assertThat(t.wrong).as(e.getKey() + " merged").isZero();
            } else {
                assertThat((double) t.correct / t.expected).as(e.getKey() + " recall").isGreaterThanOrEqualTo(0.97);
            }
        }
        assertThat(r.byMistakes()).containsKeys("typo+birth-digit+phone-missing", "typo+birth-swap+phone-missing");
        MatchEvaluation.Tally sameNameAndBirth = r.byMistakes().get("decoy-same-name-and-birth");
        assertThat(sameNameAndBirth.review).as("same name and birth date: for review").isEqualTo(sameNameAndBirth.records);
        assertThat(r.byBlock().get("village+birth-year").alone).as("found by the village and birth year alone")
                .isGreaterThanOrEqualTo(r.byMistakes().get("typo+birth-digit+phone-missing").expected);
        assertThat(r.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(r.recall()).isGreaterThanOrEqualTo(0.97);

        // and two nights that bring nothing new decide nothing new: the walk-ins parked for review stay parked (a model
        // estimated from the leftovers alone took namesakes for one person), judged by the first night's m and u
        LocalDate day = LocalDate.parse(GenerateCommand.RUN_DATE);
        for (int n = 1; n <= 2; n++) {
            assertThat(night(dir.resolve("jobs-config"), day.plusDays(n)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        MatchEvaluation.Result later = measured(truth);
        assertThat(later.byMistakes().get("decoy-same-name-and-birth").wrong).as("namesakes merged on a later night").isZero();
        assertThat(later.byMistakes().get("decoy-same-name-and-birth").review).isEqualTo(sameNameAndBirth.records);
        assertThat(later.precision()).isEqualTo(r.precision());
        assertThat(later.recall()).isEqualTo(r.recall());
        String weights = "SELECT comparison, comparison_level, m, u FROM etl_match_weight WHERE run_id = ? AND comparison <> 'prior' "
                + "ORDER BY comparison, comparison_level";
        long first = jdbc.queryForObject("SELECT MIN(run_id) FROM etl_match_weight", Long.class);
        long last = jdbc.queryForObject("SELECT MAX(run_id) FROM etl_match_weight", Long.class);
        assertThat(last).as("every night keeps the model it judged by").isEqualTo(first + 2);
        assertThat(jdbc.queryForList(weights, last)).isEqualTo(jdbc.queryForList(weights, first));
        assertThat(jdbc.queryForObject("SELECT origin FROM etl_match_weight WHERE run_id = ? AND comparison = 'prior'",
                String.class, last)).contains("as estimated on run " + first);
    }
}
