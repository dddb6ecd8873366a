package cn.hunan.hrss.employmenthub.source.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code jobs-config/defaults.yml}: what every source inherits unless it says otherwise. */
public record Defaults(
        @JsonProperty("date-formats") List<String> dateFormats,
        @JsonProperty("error-limit") SourceDefinition.ErrorLimit errorLimit,
        @JsonProperty("run-error-limit") SourceDefinition.ErrorLimit runErrorLimit,
        @JsonProperty("park-days") Integer parkDays,
        Matching matching,
        @JsonProperty("chunk-size") Integer chunkSize,
        Integer parallelism,
        Map<String, Map<String, List<String>>> survivorship,
        Schedule schedule) {

    /** What a source pattern in {@code survivorship} may contain: a source id's characters and {@code *}. */
    public static final Pattern SOURCE_PATTERN = Pattern.compile("[A-Za-z0-9_.*-]+");

    public static final Defaults NONE = new Defaults(null, null, null, null, null, null, null, null, null);

    /**
     * When {@code serve} runs the night: a Spring cron expression (second minute hour day month weekday) in
     * {@code zone}, the time zone business dates are taken in everywhere; {@code catch-up-days}: how many missed
     * nights before today a starting service runs first (0: none).
     */
    public record Schedule(String cron, String zone, @JsonProperty("catch-up-days") Integer catchUpDays) {

        public static final String DEFAULT_CRON = "0 0 2 * * *";
        public static final String DEFAULT_ZONE = "Asia/Shanghai";
        public static final int DEFAULT_CATCH_UP_DAYS = 3;

        public String cronOrDefault() {
            return cron == null ? DEFAULT_CRON : cron;
        }

        public java.time.ZoneId zoneId() {
            return java.time.ZoneId.of(zone == null ? DEFAULT_ZONE : zone);
        }

        public int catchUpDaysOrDefault() {
            return catchUpDays == null ? DEFAULT_CATCH_UP_DAYS : catchUpDays;
        }
    }

    public Schedule scheduleOrDefault() {
        return schedule == null ? new Schedule(null, null, null) : schedule;
    }

    /** Today in the schedule's time zone, never the JVM's: a server on UTC at 02:00 Beijing time is still on yesterday. */
    public java.time.LocalDate today(java.time.Clock clock) {
        return java.time.LocalDate.now(clock.withZone(scheduleOrDefault().zoneId()));
    }

    /** The business date a night started now processes: yesterday, in the schedule's time zone. */
    public java.time.LocalDate yesterday(java.time.Clock clock) {
        return today(clock).minusDays(1);
    }

    /**
     * Per entity and attribute, the sources (ids, {@code *} as a wildcard) whose value wins, best first; sources not
     * listed follow in their priority order. Attributes not named take the best whole record's value.
     */
    public Map<String, Map<String, List<String>>> survivorshipOrEmpty() {
        return survivorship == null ? Map.of() : survivorship;
    }

    /**
     * Matching of persons registered without an ID number: merge at {@code auto-merge}, review from {@code review};
     * {@code weights} overrides the points of single comparisons (the rest keep {@link #DEFAULT_WEIGHTS}).
     */
    public record Matching(@JsonProperty("auto-merge") Integer autoMerge, Integer review, Map<String, Integer> weights) {

        /** The points of every comparison outcome, in the order the README lists them. */
        public static final Map<String, Integer> DEFAULT_WEIGHTS = defaultWeights();

        private static Map<String, Integer> defaultWeights() {
            Map<String, Integer> w = new java.util.LinkedHashMap<>();
            w.put("name-exact", 4);
            w.put("name-sounds-alike", 3);
            w.put("name-one-off", 2);
            w.put("name-different", -4);
            w.put("birth-equal", 4);
            w.put("birth-close", 2);
            w.put("birth-different", -5);
            w.put("phone-equal", 4);
            w.put("phone-transposed", 3);
            w.put("phone-different", -2);
            w.put("county-same", 1);
            w.put("household-same-village", 2);
            w.put("household-same-township", 1);
            return java.util.Collections.unmodifiableMap(w);
        }
    }

    /** Whether a source id is named by a survivorship pattern ({@code *} matching any characters). */
    public static boolean namesSource(String pattern, String sourceId) {
        return sourceId.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }

    /** How long a record waits for the person, employer or enterprise it refers to before it is quarantined. */
    public int parkDaysOrDefault() {
        return parkDays == null ? 7 : parkDays;
    }

    /**
     * The Spring properties that carry {@code chunk-size} and {@code parallelism} into the job, where set: they are read
     * when the application starts, and win over {@code hub.extract.*} from the environment.
     */
    public java.util.List<String> extractProperties() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (chunkSize != null) {
            out.add("--hub.extract.chunk-size=" + chunkSize);
        }
        if (parallelism != null) {
            out.add("--hub.extract.parallelism=" + parallelism);
        }
        return out;
    }

    public int chunkSizeOrDefault() {
        return chunkSize == null ? 1000 : chunkSize;
    }

    public int parallelismOrDefault() {
        return parallelism == null ? 2 : parallelism;
    }
}
