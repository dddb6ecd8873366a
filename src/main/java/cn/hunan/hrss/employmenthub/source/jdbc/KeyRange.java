package cn.hunan.hrss.employmenthub.source.jdbc;

import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A range of a table's {@code split-pk}, kept in its unit's {@code part} as {@code pk:FROM:TO}, either end open
 * ({@code *}): from FROM inclusive to TO exclusive; the range open below also takes the rows whose key is NULL.
 */
record KeyRange(Long from, Long to) {

    private static final String PREFIX = "pk:";

    /** {@code parts} ranges of about equal width over [min, max], the first open below and the last open above. */
    static List<KeyRange> cut(long min, long max, int parts) {
        long width = Math.max(1, (max - min) / parts + 1);
        List<KeyRange> out = new ArrayList<>();
        Long from = null;
        for (int i = 1; i < parts; i++) {
            long to = min + width * i;
            if (to > max) {
                break;
            }
            out.add(new KeyRange(from, to));
            from = to;
        }
        out.add(new KeyRange(from, null));
        return out;
    }

    static Optional<KeyRange> of(ExtractUnit unit) {
        if (unit.part() == null || !unit.part().startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] p = unit.part().split(":");
        return Optional.of(new KeyRange(p[1].equals("*") ? null : Long.valueOf(p[1]), p[2].equals("*") ? null : Long.valueOf(p[2])));
    }

    /** The unit of this range: the table's label with the range, so its records and its log line say which. */
    ExtractUnit of(ExtractUnit unit, String column) {
        String label = unit.label() + "[" + column + " " + (from == null ? "" : from) + ".." + (to == null ? "" : to) + "]";
        return new ExtractUnit(unit.entity(), unit.mapping(), label, null, unit.fingerprint(),
                PREFIX + (from == null ? "*" : from) + ":" + (to == null ? "*" : to));
    }

    /** The SQL condition of this range on {@code q.column}, its bounds added to {@code params}. */
    String predicate(String column, List<Object> params) {
        String c = "q." + column;
        if (from == null && to == null) {
            return "1 = 1";
        }
        if (from == null) {
            params.add(to);
            return "(" + c + " < ? OR " + c + " IS NULL)";
        }
        params.add(from);
        if (to == null) {
            return c + " >= ?";
        }
        params.add(to);
        return c + " >= ? AND " + c + " < ?";
    }
}
