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
     * Matching of persons registered without an ID number. {@code model}: {@code estimated} (default: Fellegi–Sunter
     * match weights with m and u estimated from the night's data, starting from {@code probabilities}), {@code fixed}
     * (the m and u of {@code probabilities} as given) or {@code points} (the points of {@code weights}, merged at
     * {@code auto-merge}, reviewed from {@code review}). The weight models merge at {@code auto-merge-probability},
     * review from {@code review-probability}, and never merge when a second person is within {@code rival-margin}
     * bits of match weight of the best; {@code name-frequency} adjusts an exact name by how common it is.
     */
    public record Matching(String model,
                           @JsonProperty("auto-merge") Integer autoMerge, Integer review, Map<String, Integer> weights,
                           @JsonProperty("auto-merge-probability") Double autoMergeProbability,
                           @JsonProperty("review-probability") Double reviewProbability,
                           @JsonProperty("rival-margin") Double rivalMargin,
                           @JsonProperty("name-frequency") Boolean nameFrequency,
                           Map<String, Probability> probabilities) {

        /** The matching models {@code model} may name. */
        public static final java.util.List<String> MODELS = java.util.List.of("estimated", "fixed", "points");

        /** The points of every comparison outcome, in the order the README lists them. */
        public static final Map<String, Integer> DEFAULT_WEIGHTS = defaultWeights();
        /**
         * The m (how often a true match shows the level) and u (how often two different persons do) of every
         * comparison level: the starting point of the estimate and the {@code fixed} model's values.
         */
        public static final Map<String, Probability> DEFAULT_PROBABILITIES = defaultProbabilities();

        /** A comparison level's m and u probabilities; either may be omitted to keep the default. */
        public record Probability(Double m, Double u) {
        }

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
            w.put("county-different", 0);
            w.put("household-same-village", 2);
            w.put("household-same-township", 1);
            w.put("household-different", 0);
            return java.util.Collections.unmodifiableMap(w);
        }

        private static Map<String, Probability> defaultProbabilities() {
            Map<String, Probability> p = new java.util.LinkedHashMap<>();
            p.put("name-exact", new Probability(0.80, 0.0005));
            p.put("name-sounds-alike", new Probability(0.08, 0.0005));
            p.put("name-one-off", new Probability(0.11, 0.005));
            p.put("name-different", new Probability(0.01, 0.994));
            p.put("birth-equal", new Probability(0.80, 0.0002));
            p.put("birth-close", new Probability(0.199, 0.002));
            p.put("birth-different", new Probability(0.001, 0.9978));
            p.put("phone-equal", new Probability(0.75, 0.0001));
            p.put("phone-transposed", new Probability(0.20, 0.0002));
            p.put("phone-different", new Probability(0.05, 0.99989));
            p.put("county-same", new Probability(0.95, 0.30));
            p.put("county-different", new Probability(0.05, 0.70));
            p.put("household-same-village", new Probability(0.80, 0.01));
            p.put("household-same-township", new Probability(0.10, 0.05));
            p.put("household-different", new Probability(0.10, 0.94));
            return java.util.Collections.unmodifiableMap(p);
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
