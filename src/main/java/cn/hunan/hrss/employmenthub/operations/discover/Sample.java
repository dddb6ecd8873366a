package cn.hunan.hrss.employmenthub.operations.discover;

import java.util.List;
import java.util.Map;

/**
 * What discovery saw of one table or file: its columns in order, its first rows, and for a table its primary key and
 * column types.
 *
 * @param label the table's name, or the file's path as it is to be written in the draft
 * @param columns the column names (headers, JSON paths) in order
 * @param rows the first rows, column to raw text
 * @param primaryKey the table's primary key columns, empty for files
 * @param types column to SQL type name, empty for files
 */
record Sample(String label, List<String> columns, List<Map<String, String>> rows, List<String> primaryKey,
              Map<String, String> types) {

    /** The column's non-empty sample values. */
    List<String> values(String column) {
        return rows.stream().map(r -> r.get(column)).filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}
