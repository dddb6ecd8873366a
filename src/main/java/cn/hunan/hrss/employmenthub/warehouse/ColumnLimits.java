package cn.hunan.hrss.employmenthub.warehouse;

import cn.hunan.hrss.employmenthub.record.CanonicalRecord;
import cn.hunan.hrss.employmenthub.record.EntityType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the staging columns can hold, read from the warehouse's own schema (the DDL is the one description of the
 * widths): characters of a text column, digits of a number column. A value that would not fit is found before it
 * is written, so that the record is quarantined with its rule and line instead of failing the chunk (a 300-character
 * code, a 1 MB name).
 */
@Component
public class ColumnLimits {

    /** The largest source key the landing area keeps. */
    public static final int SOURCE_KEY = 200;

    private final JdbcTemplate jdbc;
    private volatile Map<String, Limit> limits;

    public ColumnLimits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Limit(Integer characters, Integer precision, Integer scale) {
    }

    /** A column a value does not fit: its name, what it holds and what the value would need. */
    public record Overflow(String column, String detail) {
    }

    /** The record's staging values that do not fit their columns (and its source key, if too long). */
    public List<Overflow> overflows(EntityType entity, CanonicalRecord r) {
        Map<String, Limit> all = limits();
        List<Overflow> out = new ArrayList<>();
        if (r.sourceKey() != null && r.sourceKey().length() > SOURCE_KEY) {
            out.add(new Overflow("key", "source key of " + r.sourceKey().length() + " characters; at most " + SOURCE_KEY));
        }
        for (Map.Entry<String, Object> c : r.columns().entrySet()) {
            Limit limit = all.get(entity.stagingTable() + "." + c.getKey().toLowerCase(Locale.ROOT));
            if (limit == null || c.getValue() == null) {
                continue;
            }
            if (c.getValue() instanceof String s && limit.characters() != null && s.length() > limit.characters()) {
                out.add(new Overflow(c.getKey(), s.length() + " characters; the column holds " + limit.characters()));
            } else if (c.getValue() instanceof Number n && limit.precision() != null && limit.scale() != null) {
                BigDecimal d = new BigDecimal(n.toString());
                int integerDigits = Math.max(d.precision() - d.scale(), 0);
                if (integerDigits > limit.precision() - limit.scale()) {
                    out.add(new Overflow(c.getKey(), integerDigits + " digits before the point; the column holds "
                            + (limit.precision() - limit.scale())));
                }
            }
        }
        return out;
    }

    private Map<String, Limit> limits() {
        if (limits == null) {
            Map<String, Limit> read = new HashMap<>();
            jdbc.query("SELECT table_name, column_name, character_maximum_length, numeric_precision, numeric_scale, data_type "
                    + "FROM information_schema.columns WHERE (LOWER(table_schema) = LOWER(DATABASE()) OR LOWER(table_schema) = "
                    + "'public') AND LOWER(table_name) LIKE 'stg\\_%'", rs -> {
                        String type = String.valueOf(rs.getString(6)).toLowerCase(Locale.ROOT);
                        boolean text = type.contains("char");
                        boolean decimal = type.contains("decimal") || type.contains("numeric");
                        read.put(rs.getString(1).toLowerCase(Locale.ROOT) + "." + rs.getString(2).toLowerCase(Locale.ROOT),
                                new Limit(text ? (Integer) rs.getObject(3, Integer.class) : null,
                                        decimal ? (Integer) rs.getObject(4, Integer.class) : null,
                                        decimal ? (Integer) rs.getObject(5, Integer.class) : null));
                    });
            limits = read;
        }
        return limits;
    }
}
