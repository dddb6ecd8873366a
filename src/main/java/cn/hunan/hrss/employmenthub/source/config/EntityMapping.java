package cn.hunan.hrss.employmenthub.source.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * How one entity is read from a source: where (table or query, file path or glob, sheets: names or patterns, all
 * sheets when none is given), which source
 * column feeds which canonical field, and which source values mean which code.
 */
public record EntityMapping(
        String entity,
        String table,
        String query,
        @JsonProperty("updated-at") String updatedAt,
        String path,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> sheet,
        @JsonProperty("header-row") Integer headerRow,
        @JsonProperty("skip-rows") SkipRows skipRows,
        String key,
        Map<String, String> columns,
        Map<String, Map<String, String>> values,
        Map<String, String> constants,
        Map<String, Ref> refs,
        @JsonProperty("split-pk") String splitPk) {

    public EntityMapping(String entity, String table, String query, String updatedAt, String path, List<String> sheet,
                         Integer headerRow, SkipRows skipRows, String key, Map<String, String> columns,
                         Map<String, Map<String, String>> values, Map<String, String> constants, Map<String, Ref> refs) {
        this(entity, table, query, updatedAt, path, sheet, headerRow, skipRows, key, columns, values, constants, refs, null);
    }

    /**
     * A reference given by the other record's key in its source, not by ID number or credit code: {@code key} is this
     * record's column holding that key, {@code entity} the entity referred to (person or employer, as the field
     * implies), {@code source} the id of the source whose key it is (this source when left out).
     */
    public record Ref(String entity, String key, String source) {
    }

    /**
     * Rows that are no records: blank rows ({@code blank}, default true), total rows whose first column says
     * 合计, 小计 or 总计 ({@code totals}, default true), and rows whose {@code column} (or any column) matches
     * {@code pattern}.
     */
    public record SkipRows(Boolean blank, Boolean totals, String column, String pattern) {
    }
}
