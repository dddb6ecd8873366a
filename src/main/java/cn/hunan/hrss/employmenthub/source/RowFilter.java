package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells rows that are no records from records, as jobs-config says: blank rows and a register's total rows (合计,
 * 小计, 总计 and their traditional forms in the first column) by default, and rows matching a configured pattern.
 * Rows passed over are counted as skipped, never as rejects.
 */
public final class RowFilter {

    private static final Pattern TOTAL = Pattern.compile("^\\s*(合计|小计|总计|合計|小計|總計)");

    private final boolean skipBlank;
    private final boolean skipTotals;
    private final String column;
    private final Pattern pattern;

    public RowFilter(EntityMapping.SkipRows rows) {
        this.skipBlank = rows == null || rows.blank() == null || rows.blank();
        this.skipTotals = rows == null || rows.totals() == null || rows.totals();
        this.column = rows == null ? null : rows.column();
        this.pattern = rows == null || rows.pattern() == null ? null : Pattern.compile(rows.pattern());
    }

    public boolean skip(Map<String, String> row) {
        if (skipBlank && row.values().stream().allMatch(v -> v == null || v.isBlank())) {
            return true;
        }
        if (skipTotals && !row.isEmpty()) {
            String first = row.values().iterator().next();
            if (first != null && TOTAL.matcher(first).find()) {
                return true;
            }
        }
        if (pattern == null) {
            return false;
        }
        if (column != null) {
            String v = row.get(column);
            return v != null && pattern.matcher(v).find();
        }
        return row.values().stream().anyMatch(v -> v != null && pattern.matcher(v).find());
    }
}
