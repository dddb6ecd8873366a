package cn.hunan.hrss.employmenthub.dedup;

/**
 * Scores at which a person registered without an ID number is merged into the person it matches
 * ({@code auto-merge}) or kept for review ({@code review}); below that it matches nobody. From
 * {@code matching:} in jobs-config/defaults.yml.
 */
public record MatchThresholds(int autoMerge, int review) {

    public static final MatchThresholds DEFAULT = new MatchThresholds(8, 5);
}
