package cn.hunan.hrss.employmenthub.warehouse;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-encrypts every stored ciphertext (ID numbers and phones in staging and golden tables, records in the
 * landing area and quarantine) from {@code HUB_PII_KEY_PREVIOUS} to {@code HUB_PII_KEY}, a page of rows at a
 * time. Keyed hashes do not change, so matching and every match key stay as they are. Safe to interrupt and run
 * again: rows already under the current key are skipped.
 */
@Component
public class KeyRotation {

    private static final int PAGE = 1000;

    /** A column of ciphertexts and the primary key of its table. */
    record Target(String table, String key, String column) {
    }

    private final JdbcTemplate jdbc;
    private final PersonalData keys;

    public KeyRotation(JdbcTemplate jdbc, PersonalData keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    static List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (EntityType e : EntityType.values()) {
            for (Field f : e.fields()) {
                if (f.personal()) {
                    out.add(new Target(e.stagingTable(), "id", f.name() + "_enc"));
                    out.add(new Target(e.goldenTable(), e.key() + "_id", f.name() + "_enc"));
                }
            }
        }
        out.add(new Target("landing_record", "id", "payload_enc"));
        out.add(new Target("quarantine", "id", "payload_enc"));
        return out;
    }

    /** Rows re-encrypted per table and column. */
    public Map<String, Long> rotate() {
        if (!keys.hasPreviousKey()) {
            throw new IllegalStateException("set " + PersonalData.PREVIOUS_KEY_ENV + " to the old key and "
                    + PersonalData.KEY_ENV + " to the new one");
        }
        Map<String, Long> done = new LinkedHashMap<>();
        String current = keys.keyId() + ":%";
        for (Target t : targets()) {
            long rows = 0;
            long after = Long.MIN_VALUE;
            while (true) {
                List<Object[]> page = jdbc.query("SELECT " + t.key() + ", " + t.column() + " FROM " + t.table() + " WHERE "
                        + t.key() + " > ? AND " + t.column() + " IS NOT NULL AND " + t.column() + " NOT LIKE ? ORDER BY "
                        + t.key() + " LIMIT " + PAGE, (rs, i) -> new Object[] {keys.encrypt(keys.decrypt(rs.getString(2))),
                        rs.getLong(1)}, after, current);
                if (page.isEmpty()) {
                    break;
                }
                jdbc.batchUpdate("UPDATE " + t.table() + " SET " + t.column() + " = ? WHERE " + t.key() + " = ?", page);
                rows += page.size();
                after = (Long) page.get(page.size() - 1)[1];
            }
            done.put(t.table() + "." + t.column(), rows);
        }
        return done;
    }
}
