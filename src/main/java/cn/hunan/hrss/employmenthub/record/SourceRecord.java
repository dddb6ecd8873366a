package cn.hunan.hrss.employmenthub.record;

import java.util.Map;

/**
 * One record as a source system delivered it: the source's own column names and raw text values, with
 * where it came from. A record the reader could not even split into columns carries a {@code readError}
 * (a rule code) instead of values, so that it is quarantined with its line number rather than lost.
 *
 * @param sourceId the jobs-config source id
 * @param entity the canonical entity the record is mapped to
 * @param file file name (or table/query label for databases)
 * @param line line number in the file (1-based), row number for workbooks, row ordinal for databases
 * @param values source column → raw value
 * @param readError rule code when the record could not be read, else null
 * @param readDetail what went wrong, never containing the record's values
 */
public record SourceRecord(String sourceId, EntityType entity, String file, long line, Map<String, String> values,
                           String readError, String readDetail) {

    public static SourceRecord of(String sourceId, EntityType entity, String file, long line, Map<String, String> values) {
        return new SourceRecord(sourceId, entity, file, line, values, null, null);
    }

    public static SourceRecord unreadable(String sourceId, EntityType entity, String file, long line, String rule,
                                          String detail) {
        return new SourceRecord(sourceId, entity, file, line, Map.of(), rule, detail);
    }

    /** An unreadable record that keeps the raw text of its line, so that nothing received is lost. */
    public static SourceRecord unreadable(String sourceId, EntityType entity, String file, long line, String rule,
                                          String detail, String rawText) {
        return new SourceRecord(sourceId, entity, file, line, Map.of(RAW_LINE, rawText == null ? "" : rawText), rule, detail);
    }

    /** The key under which an unreadable record keeps its raw line. */
    public static final String RAW_LINE = "_raw_line";
}
