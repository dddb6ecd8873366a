package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.source.config.Defaults;

/** How a night merges, from jobs-config/defaults.yml: park-days, the matching rules and the survivorship policy. */
public record MergeSettings(int parkDays, MatchRules matching, Survivorship survivorship) {

    public static MergeSettings of(Defaults d) {
        return new MergeSettings(d.parkDaysOrDefault(), MatchRules.of(d.matching()), new Survivorship(d.survivorshipOrEmpty()));
    }
}
