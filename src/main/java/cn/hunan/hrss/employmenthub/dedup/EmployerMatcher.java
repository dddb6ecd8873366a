package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the employer a record without a credit code belongs to: the one employer of its county whose normalised
 * name (legal-form suffix, brackets and spaces dropped) is the same, among golden employers and the night's
 * records with a code. None, or more than one: the record stays unresolved and is parked.
 */
@Component
class EmployerMatcher {

    private final JdbcTemplate jdbc;

    EmployerMatcher(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void resolve(long runId) {
        Map<Long, List<String>> found = new HashMap<>();
        for (String condition : Unresolved.conditions(EntityType.EMPLOYER)) {
            jdbc.query("SELECT s.id, c.match_key FROM stg_employer s JOIN wh_employer c ON c.name_norm = s.name_norm "
                    + "AND c.county_code = s.county_code WHERE " + condition, rs -> {
                        add(found, rs.getLong(1), rs.getString(2));
                    }, runId);
            jdbc.query("SELECT s.id, c.match_key FROM stg_employer s JOIN stg_employer c ON c.name_norm = s.name_norm "
                    + "AND c.county_code = s.county_code AND c.run_id = ? AND c.credit_code IS NOT NULL WHERE " + condition, rs -> {
                        add(found, rs.getLong(1), rs.getString(2));
                    }, runId, runId);
        }
        List<Object[]> rekeys = new ArrayList<>();
        found.forEach((id, keys) -> {
            if (keys.size() == 1) {
                rekeys.add(new Object[] {keys.get(0), id});
            }
        });
        jdbc.batchUpdate("UPDATE stg_employer SET match_key = ? WHERE id = ?", rekeys);
    }

    private static void add(Map<Long, List<String>> found, long id, String key) {
        List<String> keys = found.computeIfAbsent(id, k -> new ArrayList<>());
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }
}
