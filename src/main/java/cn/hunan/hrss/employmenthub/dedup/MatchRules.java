package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.source.config.Defaults;
import cn.hunan.hrss.employmenthub.source.config.Defaults.Matching.Probability;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a person registered without an ID number is decided against its candidates, from {@code matching:} in
 * jobs-config/defaults.yml (every omitted value taken from {@link Defaults.Matching}'s defaults): the model
 * ({@code estimated}, {@code fixed} or {@code points}); for the weight models the m and u probabilities to start from,
 * the match probabilities at which a record is merged or kept for review and the margin within which a second person
 * is a rival; for the points model the points of each comparison level and the scores to merge and review at.
 */
public record MatchRules(String model, int autoMerge, int review, Map<String, Integer> weights,
                         double autoMergeProbability, double reviewProbability, double rivalMargin, boolean nameFrequency,
                         Map<String, Probability> probabilities) {

    public static final MatchRules DEFAULT = of(null);

    static MatchRules of(Defaults.Matching m) {
        Map<String, Integer> weights = new HashMap<>(Defaults.Matching.DEFAULT_WEIGHTS);
        Map<String, Probability> probabilities = new LinkedHashMap<>(Defaults.Matching.DEFAULT_PROBABILITIES);
        if (m == null) {
            return new MatchRules("estimated", 8, 5, Map.copyOf(weights), 0.99, 0.5, 4, true, probabilities);
        }
        if (m.weights() != null) {
            weights.putAll(m.weights());
        }
        if (m.probabilities() != null) {
            m.probabilities().forEach((level, p) -> probabilities.merge(level, p, (d, o) -> new Probability(
                    o.m() == null ? d.m() : o.m(), o.u() == null ? d.u() : o.u())));
        }
        return new MatchRules(m.model() == null ? "estimated" : m.model(), or(m.autoMerge(), 8), or(m.review(), 5),
                Map.copyOf(weights), or(m.autoMergeProbability(), 0.99), or(m.reviewProbability(), 0.5),
                or(m.rivalMargin(), 4.0), m.nameFrequency() == null || m.nameFrequency(), probabilities);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** Whether records are scored by points rather than by match weights. */
    boolean byPoints() {
        return model.equals("points");
    }

    /** The points of one comparison outcome, e.g. {@code birth-different}. */
    int points(String outcome) {
        Integer p = weights.get(outcome);
        if (p == null) {
            throw new IllegalArgumentException("no weight for " + outcome);
        }
        return p;
    }
}
