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

        // then: enough of each, no decoy merged, and the birth-and-phone class found like the rest
        assertThat(r.expected()).isGreaterThanOrEqualTo(1000);
        assertThat(r.records() - r.expected()).as("decoys").isGreaterThanOrEqualTo(300);
        for (Map.Entry<String, MatchEvaluation.Tally> e : r.byMistakes().entrySet()) {
            MatchEvaluation.Tally t = e.getValue();
            if (e.getKey().startsWith("decoy")) {
                assertThat(t.wrong).as(e.getKey() + " merged").isZero();
            } else if (e.getKey().contains("birth") && e.getKey().contains("phone")) {
                assertThat((double) t.correct / t.expected).as(e.getKey() + " recall").isGreaterThanOrEqualTo(0.97);
            }
        }
        assertThat(r.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(r.recall()).isGreaterThanOrEqualTo(0.97);
    }
}
