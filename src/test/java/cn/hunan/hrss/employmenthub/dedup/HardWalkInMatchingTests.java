package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.testkit.evaluation.MatchEvaluation;
import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        MatchEvaluation.Result r = measured(night(dir, 15_000, new GenerateCommand.Extras(false, false, false, true)));

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
    }
}
