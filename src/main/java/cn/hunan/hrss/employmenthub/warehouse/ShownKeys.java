package cn.hunan.hrss.employmenthub.warehouse;

import cn.hunan.hrss.employmenthub.system.PiiMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The source key as the quarantine and {@code dq_violation} show it: the system's own key, with any ID number or phone
 * in it masked; none where the record had no key of its own (its key is then the match key, a digest that names
 * nothing to a person).
 */
public final class ShownKeys {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-z][0-9a-f]{63}");

    private ShownKeys() {
    }

    public static String shown(String key) {
        if (key == null || DIGEST.matcher(key).matches()) {
            return null;
        }
        String masked = PiiMasker.mask(key);
        return masked.length() <= ColumnLimits.SOURCE_KEY ? masked : masked.substring(0, ColumnLimits.SOURCE_KEY);
    }

    /**
     * Rows the merge copied with the staged record's key as it came (set-based SQL cannot mask): shown as above. Only
     * the merge's own rows of one run and entity ({@code rules}, an SQL list of its rule codes) are looked at; the
     * records the reader rejected were written shown already.
     */
    public static void settle(JdbcTemplate jdbc, long runId, String entity, String rules) {
        for (String table : List.of("quarantine", "dq_violation")) {
            List<Object[]> updates = new ArrayList<>();
            jdbc.query("SELECT id, source_key FROM " + table + " WHERE run_id = ? AND entity = ? AND source_key IS NOT NULL "
                    + "AND rule_code IN " + rules,
                    rs -> {
                        String key = rs.getString(2);
                        String shown = shown(key);
                        if (!key.equals(shown)) {
                            updates.add(new Object[] {shown, rs.getLong(1)});
                        }
                    }, runId, entity);
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("UPDATE " + table + " SET source_key = ? WHERE id = ?", updates);
            }
        }
    }
}
