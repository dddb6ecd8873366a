package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.source.config.Defaults.Matching.Probability;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Fellegi–Sunter model of persons without an ID number: for each comparison level its m (how often the records of
 * one person show it) and u (how often two different persons do), and λ, the share of candidate pairs that are one
 * person. A pair's match weight is log2(λ/(1−λ)) plus log2(m/u) of each compared level; its match probability is
 * 2^w / (1 + 2^w). An exact name may use how common that name is instead of u (term frequency), so that 王伟 counts
 * for less than a rare name.
 */
final class MatchModel {

    /** A pair's match weight, probability and their parts, e.g. {@code name=exact(+9.6) birth=close(+6.1) ...}. */
    record Weighted(double weight, double probability, String explanation) {
    }

    private final double lambda;
    private final Map<String, Probability> levels;
    private final String origin;

    MatchModel(double lambda, Map<String, Probability> levels, String origin) {
        this.lambda = lambda;
        this.levels = Map.copyOf(levels);
        this.origin = origin;
    }

    /** How the model of the configured m and u names its origin: never taken for an estimate. */
    static final String FIXED = "fixed: configured m and u";

    /** The model of the configured m and u with the prior {@code lambda}, without estimating anything. */
    static MatchModel fixed(MatchRules rules, double lambda) {
        return new MatchModel(lambda, rules.probabilities(), FIXED);
    }

    double lambda() {
        return lambda;
    }

    String origin() {
        return origin;
    }

    /** m and u by level ({@code name-exact}, ...). */
    Map<String, Probability> levels() {
        return levels;
    }

    double prior() {
        return log2(lambda / (1 - lambda));
    }

    /** log2(m/u) of a level. */
    double weight(String level) {
        Probability p = levels.get(level);
        return log2(p.m() / p.u());
    }

    /** Weighs a comparison; {@code nameFrequency}, when given, stands for u of an exact name. */
    Weighted weigh(Comparison c, Double nameFrequency) {
        double w = prior();
        StringBuilder why = new StringBuilder();
        for (Map.Entry<String, String> e : c.levels().entrySet()) {
            String level = e.getKey() + "-" + e.getValue();
            boolean frequency = level.equals("name-exact") && nameFrequency != null;
            double part = frequency ? log2(levels.get(level).m() / nameFrequency) : weight(level);
            w += part;
            why.append(e.getKey()).append('=').append(e.getValue()).append('(').append(signed(part))
                    .append(frequency ? " by its frequency" : "").append(") ");
        }
        why.append("prior(").append(signed(prior())).append(')');
        return new Weighted(w, probability(w), why.toString());
    }

    static double probability(double weight) {
        return weight > 60 ? 1.0 : Math.pow(2, weight) / (1 + Math.pow(2, weight));
    }

    static String signed(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }

    /** The table the README and {@code matches --weights} show: level, m, u, weight. */
    String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s; λ = %.3g (prior %s)%n", origin, lambda,
                signed(prior())));
        out.append(String.format(Locale.ROOT, "%-24s %10s %10s %8s%n", "level", "m", "u", "weight"));
        for (Map.Entry<String, Probability> e : ordered().entrySet()) {
            out.append(String.format(Locale.ROOT, "%-24s %10.5f %10.6f %8s%n", e.getKey(), e.getValue().m(),
                    e.getValue().u(), signed(weight(e.getKey()))));
        }
        return out.toString();
    }

    /** The levels in {@link Comparison#FEATURES} order, best level first. */
    Map<String, Probability> ordered() {
        Map<String, Probability> ordered = new LinkedHashMap<>();
        for (String feature : Comparison.FEATURES) {
            for (String level : Comparison.LEVELS.get(feature)) {
                ordered.put(feature + "-" + level, levels.get(feature + "-" + level));
            }
        }
        return ordered;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
