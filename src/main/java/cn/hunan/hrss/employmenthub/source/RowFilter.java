package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import java.util.Map;
import java.util.regex.Pattern;

/** Tells rows that are no records (blank rows, subtotal rows) from records, as jobs-config says. */
public final class RowFilter {

    private final boolean skipBlank;
    private final String column;
    private final Pattern pattern;

    public RowFilter(EntityMapping.SkipRows rows) {
        this.skipBlank = rows == null || rows.blank() == null || rows.blank();
        this.column = rows == null ? null : rows.column();
        this.pattern = rows == null || rows.pattern() == null ? null : Pattern.compile(rows.pattern());
    }

    public boolean skip(Map<String, String> row) {
        if (skipBlank && row.values().stream().allMatch(v -> v == null || v.isBlank())) {
            return true;
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
