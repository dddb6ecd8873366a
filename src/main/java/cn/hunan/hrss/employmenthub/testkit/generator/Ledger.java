package cn.hunan.hrss.employmenthub.testkit.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a correct pipeline must make of the generated records, tallied as they are written: per entity
 * the records read, the distinct real things among the valid ones, and per rule the records rejected.
 */
final class Ledger {

    private final Map<String, Long> read = new TreeMap<>();
    private final Map<String, Long> valid = new TreeMap<>();
    private final Map<String, DistinctKeys> distinct = new TreeMap<>();
    private final Map<String, Long> rejected = new TreeMap<>();
    private final Map<String, Long> parked = new TreeMap<>();
    private final Map<String, Long> parkedByRule = new TreeMap<>();
    private final Map<String, Long> warnings = new TreeMap<>();
    private final List<Map<String, String>> fuzzy = new ArrayList<>();

    void valid(String entity, String key) {
        read.merge(entity, 1L, Long::sum);
        valid.merge(entity, 1L, Long::sum);
        distinct.computeIfAbsent(entity, k -> new DistinctKeys()).add(key);
    }

    void reject(String entity, String rule) {
        read.merge(entity, 1L, Long::sum);
        rejected.merge(rule, 1L, Long::sum);
    }

    /** A record whose person, employer or enterprise never arrives: parked by the run. */
    void park(String entity, String rule) {
        read.merge(entity, 1L, Long::sum);
        parked.merge(entity, 1L, Long::sum);
        parkedByRule.merge(rule, 1L, Long::sum);
    }

    /** A record that loads but is flagged, e.g. a converted first-generation ID number. */
    void warn(String rule) {
        warnings.merge(rule, 1L, Long::sum);
    }

    /**
     * A record a fuzzy duplicate of a person: by source key, or by file and line where the source has no key of its
     * own; and the person it is: their ID number's mask and the record of them in another source
     * ({@code sameAsSource}, {@code sameAsKey}); all null for a decoy who is nobody known.
     */
    void fuzzy(String sourceId, String sourceKey, String file, Long line, String expectedMask, String sameAsSource,
               String sameAsKey) {
        fuzzy(sourceId, sourceKey, file, line, expectedMask, sameAsSource, sameAsKey, null);
    }

    /** As above, with the record's mistakes ({@code birth-digit+phone-missing}, {@code decoy-...}) where known. */
    void fuzzy(String sourceId, String sourceKey, String file, Long line, String expectedMask, String sameAsSource,
               String sameAsKey, String mistakes) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("source_id", sourceId);
        row.put("source_key", sourceKey);
        row.put("file", file);
        row.put("line", line == null ? null : line.toString());
        row.put("person", expectedMask);
        row.put("same_as_source_id", sameAsSource);
        row.put("same_as_source_key", sameAsKey);
        if (mistakes != null) {
            row.put("mistakes", mistakes);
        }
        fuzzy.add(row);
    }

    List<Map<String, String>> fuzzy() {
        return fuzzy;
    }

    Map<String, Long> warningsByRule() {
        return warnings;
    }

    Map<String, Long> parked() {
        return parked;
    }

    Map<String, Long> parkedByRule() {
        return parkedByRule;
    }

    Map<String, Long> read() {
        return read;
    }

    Map<String, Long> distinct() {
        Map<String, Long> out = new TreeMap<>();
        distinct.forEach((k, v) -> out.put(k, (long) v.count()));
        return out;
    }

    Map<String, Long> merged() {
        Map<String, Long> out = new TreeMap<>();
        valid.forEach((k, v) -> out.put(k, v - distinct.get(k).count()));
        return out;
    }

    Map<String, Long> rejectedByRule() {
        return rejected;
    }
}
