package cn.hunan.hrss.employmenthub.dedup;

import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code wh_person_history}: after the persons of a night are merged, every person whose employment
 * status, categories or residence differ from their current history row gets that row closed and a new one
 * opened on the night's business date; a person seen for the first time starts at their registration date.
 * A rerun that changes nothing writes nothing.
 */
@Component
class PersonHistory {

    private static final String SAME = "COALESCE(h.employment_status, '') = COALESCE(g.employment_status, '') "
            + "AND COALESCE(h.categories, '') = COALESCE(g.categories, '') "
            + "AND COALESCE(h.residence_region, '') = COALESCE(g.residence_region, '')";

    private final JdbcTemplate jdbc;

    PersonHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long runId, LocalDate runDate) {
        jdbc.update("DELETE FROM etl_history_change WHERE run_id = ?", runId);
        jdbc.update("INSERT INTO etl_history_change (run_id, person_key) SELECT ?, g.id_number_hash FROM wh_person g "
                + "JOIN wh_person_history h ON h.person_key = g.id_number_hash AND h.valid_to IS NULL "
                + "WHERE g.updated_run_id = ? AND NOT (" + SAME + ")", runId, runId);
        jdbc.update("DELETE FROM wh_person_history WHERE valid_to IS NULL AND valid_from >= ? AND person_key IN "
                + "(SELECT c.person_key FROM etl_history_change c WHERE c.run_id = ?)", runDate, runId);
        jdbc.update("UPDATE wh_person_history SET valid_to = ? WHERE valid_to IS NULL AND person_key IN "
                + "(SELECT c.person_key FROM etl_history_change c WHERE c.run_id = ?)", runDate, runId);
        jdbc.update("INSERT INTO wh_person_history (person_key, valid_from, valid_to, employment_status, categories, "
                + "residence_region, county_code, run_id) SELECT g.id_number_hash, CASE WHEN EXISTS (SELECT 1 FROM "
                + "wh_person_history o WHERE o.person_key = g.id_number_hash) THEN ? ELSE COALESCE(g.registered_on, ?) END, "
                + "NULL, g.employment_status, g.categories, g.residence_region, g.county_code, ? FROM wh_person g "
                + "WHERE g.updated_run_id = ? AND NOT EXISTS (SELECT 1 FROM wh_person_history h WHERE h.person_key = "
                + "g.id_number_hash AND h.valid_to IS NULL)", runDate, runDate, runId, runId);
    }
}
