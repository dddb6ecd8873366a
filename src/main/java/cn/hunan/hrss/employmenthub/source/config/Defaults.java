package cn.hunan.hrss.employmenthub.source.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code jobs-config/defaults.yml}: what every source inherits unless it says otherwise. */
public record Defaults(
        @JsonProperty("date-formats") List<String> dateFormats,
        @JsonProperty("error-limit") SourceDefinition.ErrorLimit errorLimit,
        @JsonProperty("run-error-limit") SourceDefinition.ErrorLimit runErrorLimit,
        @JsonProperty("park-days") Integer parkDays,
        Matching matching,
        @JsonProperty("chunk-size") Integer chunkSize,
        Integer parallelism) {

    public static final Defaults NONE = new Defaults(null, null, null, null, null, null, null);

    /** Scores for persons registered without an ID number: merge at {@code auto-merge}, review from {@code review}. */
    public record Matching(@JsonProperty("auto-merge") Integer autoMerge, Integer review) {
    }

    /** How long a record waits for the person, employer or enterprise it refers to before it is quarantined. */
    public int parkDaysOrDefault() {
        return parkDays == null ? 7 : parkDays;
    }

    public int chunkSizeOrDefault() {
        return chunkSize == null ? 1000 : chunkSize;
    }

    public int parallelismOrDefault() {
        return parallelism == null ? 2 : parallelism;
    }
}
