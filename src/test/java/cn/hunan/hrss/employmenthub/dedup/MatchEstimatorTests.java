package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.hunan.hrss.employmenthub.source.config.Defaults;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The EM of one block's session against an oracle of its own: pairs drawn at random from m and u chosen here (not
 * the defaults the estimate starts from, but for the {@code different} levels, which are configured), a known share of
 * them matches. EM must find those m and that share.
 */
class MatchEstimatorTests {

    /** The oracle's m; its {@code different} levels are the configured ones, which EM does not estimate. */
    private static final Map<String, double[]> M = Map.of("name", new double[] {0.55, 0.25, 0.19, 0.01},
            "birth", new double[] {0.6, 0.399, 0.001}, "phone", new double[] {0.5, 0.45, 0.05},
            "household", new double[] {0.7, 0.2, 0.1});
    private static final Map<String, double[]> U = Map.of("name", new double[] {0.002, 0.001, 0.007, 0.99},
            "birth", new double[] {0.001, 0.009, 0.99}, "phone", new double[] {0.001, 0.0005, 0.9985},
            "household", new double[] {0.03, 0.07, 0.90});
    private static final List<String> COMPARED = List.of("name", "birth", "phone", "household");

    @Test
    void emFindsTheMAndTheShareOfMatchesThePairsWereDrawnFrom() {
        // given: 30,000 pairs, 30 % of them matches, levels drawn from M for matches and U for the rest; county held
        Random random = new Random(7);
        Map<Comparison, MatchEstimator.Counts> pairs = new HashMap<>();
        int matches = 0;
        for (int i = 0; i < 30_000; i++) {
            boolean match = random.nextDouble() < 0.3;
            matches += match ? 1 : 0;
            Map<String, String> levels = new LinkedHashMap<>();
            for (String feature : COMPARED) {
                levels.put(feature, draw(random, Comparison.LEVELS.get(feature), (match ? M : U).get(feature)));
            }
            Comparison c = new Comparison(levels.get("name"), levels.get("birth"), levels.get("phone"), "same",
                    levels.get("household"));
            pairs.computeIfAbsent(c, k -> new MatchEstimator.Counts()).undecided++;
        }
        Map<String, Double> u = new HashMap<>();
        Defaults.Matching.DEFAULT_PROBABILITIES.forEach((level, p) -> u.put(level, p.u()));
        U.forEach((feature, values) -> {
            for (int i = 0; i < values.length; i++) {
                u.put(feature + "-" + Comparison.LEVELS.get(feature).get(i), values[i]);
            }
        });

        // when
        MatchEstimator.Session session = MatchEstimator.em(pairs, Set.of("county"),
                Defaults.Matching.DEFAULT_PROBABILITIES, u);

        // then: every m within 0.02 of the oracle, the matches within 2 %, and nothing estimated for what was held
        M.forEach((feature, values) -> {
            for (int i = 0; i < values.length; i++) {
                String level = feature + "-" + Comparison.LEVELS.get(feature).get(i);
                assertThat(session.m().get(level)).as(level).isCloseTo(values[i], offset(0.02));
            }
        });
        assertThat(session.matches()).isCloseTo(matches, offset(matches * 0.02));
        assertThat(session.m()).doesNotContainKeys("county-same", "county-different");
    }

    @Test
    void pairsAnAdministratorDecidedCountAsKnownMatchesAndNonMatches() {
        // given: two patterns EM alone would call matches, one of them split by an administrator every time
        Comparison agree = new Comparison("exact", "equal", null, null, null);
        Comparison split = new Comparison("one-off", "close", null, null, null);
        Map<Comparison, MatchEstimator.Counts> pairs = new HashMap<>();
        pairs.computeIfAbsent(agree, k -> new MatchEstimator.Counts()).accepted = 300;
        pairs.computeIfAbsent(split, k -> new MatchEstimator.Counts()).split = 100;
        Map<String, Double> u = new HashMap<>();
        Defaults.Matching.DEFAULT_PROBABILITIES.forEach((level, p) -> u.put(level, p.u()));

        // when
        MatchEstimator.Session session = MatchEstimator.em(pairs, Set.of(), Defaults.Matching.DEFAULT_PROBABILITIES, u);

        // then: 300 matches, all of them exact names (the configured 1 % of different names and the prior's one pair's
        // worth aside)
        assertThat(session.matches()).isEqualTo(300.0);
        assertThat(session.m().get("name-exact")).isCloseTo(0.99, offset(0.001));
        assertThat(session.m().get("name-one-off")).isLessThan(0.001);
    }

    private static String draw(Random random, List<String> levels, double[] p) {
        double x = random.nextDouble();
        for (int i = 0; i < p.length; i++) {
            x -= p[i];
            if (x < 0) {
                return levels.get(i);
            }
        }
        return levels.get(levels.size() - 1);
    }
}
