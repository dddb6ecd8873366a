package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.hunan.hrss.employmenthub.source.config.Defaults;
import org.junit.jupiter.api.Test;

/** A match weight and its probability, worked out by hand from the configured m and u. */
class MatchModelTests {

    private final MatchModel model = new MatchModel(0.001, Defaults.Matching.DEFAULT_PROBABILITIES, "fixed");

    @Test
    void theWeightIsThePriorPlusLog2MOverUOfEveryComparedLevelAndSkipsWhatIsMissing() {
        // name exact: log2(0.8/0.0005) = 10.644; birth close: log2(0.199/0.002) = 6.636; household same village:
        // log2(0.8/0.01) = 6.322; prior log2(0.001/0.999) = -9.964; phone not given
        MatchModel.Weighted w = model.weigh(new Comparison("exact", "close", null, null, "same-village"), null);

        assertThat(w.weight()).isCloseTo(10.644 + 6.636 + 6.322 - 9.964, offset(0.001));
        assertThat(w.probability()).isCloseTo(Math.pow(2, 13.638) / (1 + Math.pow(2, 13.638)), offset(1e-6));
        assertThat(w.explanation()).isEqualTo("name=exact(+10.6) birth=close(+6.6) household=same-village(+6.3) prior(-10.0)");
    }

    @Test
    void aCommonNameCountsForLessThanARareOne() {
        Comparison sameName = new Comparison("exact", "equal", null, null, null);

        // 王伟: 1 person in 200; a rare name: 1 in 100,000
        double common = model.weigh(sameName, 1.0 / 200).weight();
        double rare = model.weigh(sameName, 1.0 / 100_000).weight();

        assertThat(rare - common).isCloseTo(MatchModel.log2(500), offset(1e-9));
        assertThat(model.weigh(sameName, 1.0 / 200).explanation()).startsWith("name=exact(+7.3 by its frequency)");
    }

    @Test
    void aDisagreementCountsAgainst() {
        MatchModel.Weighted w = model.weigh(new Comparison("different", "different", "equal", "same", "same-village"), null);

        assertThat(w.explanation()).contains("name=different(-6.6)", "birth=different(-10.0)");
        assertThat(w.probability()).isLessThan(0.5);
    }
}
