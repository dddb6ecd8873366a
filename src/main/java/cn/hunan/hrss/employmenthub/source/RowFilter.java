package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells rows that are no records from records, as jobs-config says: blank rows and a register's total rows by
 * default, and rows matching a configured pattern. A total row says 合计, 小计 or 总计 (or their traditional forms) in
 * its first column, or leaves its first column empty and holds only numbers, each the sum of its column over the rows
 * above (since the last total row, or since the start). Rows passed over are counted as skipped, never as rejects.
 */
public final class RowFilter {

    private static final Pattern TOTAL = Pattern.compile("^\\s*(合计|小计|总计|合計|小計|總計)");

    private final boolean skipBlank;
    private final boolean skipTotals;
    private final String column;
    private final Pattern pattern;
    private final Map<String, BigDecimal> sinceTotal = new HashMap<>();
    private final Map<String, BigDecimal> all = new HashMap<>();
    private int rowsSinceTotal;
    private int rows;

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
        if (pattern != null && matches(row)) {
            return true;
        }
        if (skipTotals && sums(row)) {
            sinceTotal.clear();
            rowsSinceTotal = 0;
            return true;
        }
        add(row);
        return false;
    }

    private boolean matches(Map<String, String> row) {
        if (column != null) {
            String v = row.get(column);
            return v != null && pattern.matcher(v).find();
        }
        return row.values().stream().anyMatch(v -> v != null && pattern.matcher(v).find());
    }

    /** Whether the row is a total row by its numbers: first column empty, every other value the sum of its column. */
    private boolean sums(Map<String, String> row) {
        var values = row.entrySet().iterator();
        if (!values.hasNext() || !blank(values.next().getValue())) {
            return false;
        }
        int numbers = 0;
        boolean sinceTotalFits = rowsSinceTotal >= 2;
        boolean allFits = rows >= 2;
        while (values.hasNext()) {
            Map.Entry<String, String> cell = values.next();
            if (blank(cell.getValue())) {
                continue;
            }
            BigDecimal n = number(cell.getValue());
            if (n == null) {
                return false;
            }
            numbers++;
            sinceTotalFits &= equal(n, sinceTotal.get(cell.getKey()));
            allFits &= equal(n, all.get(cell.getKey()));
        }
        return numbers > 0 && (sinceTotalFits || allFits);
    }

    private void add(Map<String, String> row) {
        row.forEach((k, v) -> {
            BigDecimal n = blank(v) ? null : number(v);
            if (n != null) {
                sinceTotal.merge(k, n, BigDecimal::add);
                all.merge(k, n, BigDecimal::add);
            }
        });
        rowsSinceTotal++;
        rows++;
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return b != null && a.compareTo(b) == 0;
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    private static BigDecimal number(String v) {
        String s = v.strip().replace(",", "");
        return NUMBER.matcher(s).matches() ? new BigDecimal(s) : null;
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");
}
