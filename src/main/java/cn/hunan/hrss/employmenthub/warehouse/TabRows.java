package cn.hunan.hrss.employmenthub.warehouse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Rows as the text {@code LOAD DATA ... FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED BY '\n'} reads:
 * one line per row, a tab between values, {@code \N} for NULL, and a backslash before every backslash, tab, line break,
 * carriage return and NUL inside a value, so that any text comes back as it was written.
 */
final class TabRows {

    /** Whole seconds, as the driver's batched INSERT sends them: both paths store the same value. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TabRows() {
    }

    static byte[] encode(List<Object[]> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                append(out, row[i]);
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            escape(out, s);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Boolean b) {
            out.append(b ? '1' : '0');
        } else if (value instanceof LocalDateTime t) {
            out.append(DATE_TIME.format(t));
        } else if (value instanceof Number || value instanceof LocalDate) {
            out.append(value);
        } else {
            escape(out, value.toString());
        }
    }

    /** Appends {@code s} escaped; most values (hashes, ciphertext, masks, names) have nothing to escape and go at once. */
    private static void escape(StringBuilder out, String s) {
        if (plain(s)) {
            out.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
    }

    /** True when {@code s} holds nothing to escape: five scans by {@code indexOf}, which the JVM runs as an intrinsic. */
    private static boolean plain(String s) {
        return s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\0') < 0;
    }
}
