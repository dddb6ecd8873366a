package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.source.config.Defaults;
import java.util.HashMap;
import java.util.Map;

/**
 * How a person registered without an ID number is scored against a candidate: the points of each comparison
 * ({@code name-exact}, {@code phone-transposed}, ...) and the scores at which the record is merged into the person
 * ({@code auto-merge}) or kept for review ({@code review}); below that it matches nobody. From {@code matching:} in
 * jobs-config/defaults.yml, every omitted value taken from {@link Defaults.Matching#DEFAULT_WEIGHTS}.
 */
public record MatchRules(int autoMerge, int review, Map<String, Integer> weights) {

    public static final MatchRules DEFAULT = new MatchRules(8, 5, Defaults.Matching.DEFAULT_WEIGHTS);

    static MatchRules of(Defaults.Matching m) {
        if (m == null) {
            return DEFAULT;
        }
        Map<String, Integer> weights = new HashMap<>(Defaults.Matching.DEFAULT_WEIGHTS);
        if (m.weights() != null) {
            weights.putAll(m.weights());
        }
        return new MatchRules(m.autoMerge() == null ? DEFAULT.autoMerge() : m.autoMerge(),
                m.review() == null ? DEFAULT.review() : m.review(), Map.copyOf(weights));
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
