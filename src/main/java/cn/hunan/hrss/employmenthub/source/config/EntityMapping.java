package cn.hunan.hrss.employmenthub.source.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * How one entity is read from a source: where (table or query, file path or glob, sheet), which source
 * column feeds which canonical field, and which source values mean which code.
 */
public record EntityMapping(
        String entity,
        String table,
        String query,
        @JsonProperty("updated-at") String updatedAt,
        String path,
        String sheet,
        @JsonProperty("header-row") Integer headerRow,
        @JsonProperty("skip-rows") SkipRows skipRows,
        String key,
        Map<String, String> columns,
        Map<String, Map<String, String>> values,
        Map<String, String> constants) {

    /** Rows that are not records: blank rows and rows whose {@code column} matches {@code pattern}. */
    public record SkipRows(Boolean blank, String column, String pattern) {
    }
}
