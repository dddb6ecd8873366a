package cn.hunan.hrss.employmenthub.warehouse;

import cn.hunan.hrss.employmenthub.system.PersonalData;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the personal-data keys before a run writes anything: a MySQL-family warehouse never takes the public
 * demo keys, and no warehouse takes a matching key other than the one it was built with.
 */
@Component
public class KeyGuard {

    private final PersonalData personalData;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public KeyGuard(PersonalData personalData, JdbcTemplate jdbc, DataSource dataSource) {
        this.personalData = personalData;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Why the keys are refused before the warehouse is even touched: demo keys on a MySQL-family server. */
    public Optional<String> demoKeyProblem() {
        if (personalData.usesDemoKey() && !"h2".equals(WarehouseMigrator.vendor(dataSource))) {
            return Optional.of(PersonalData.KEY_ENV + " and " + PersonalData.MATCH_KEY_ENV + " must be set (base64, 32+ bytes "
                    + "each): the public demo keys protect only the embedded demo warehouse");
        }
        return Optional.empty();
    }

    /** Why the keys are refused, or empty; call after migrating. Records the matching key's fingerprint on first use. */
    public Optional<String> problem() {
        Optional<String> demo = demoKeyProblem();
        if (demo.isPresent()) {
            return demo;
        }
        String mine = personalData.matchKeyFingerprint();
        List<String> known = jdbc.queryForList("SELECT fingerprint FROM etl_key_fingerprint WHERE purpose = 'match'",
                String.class);
        if (known.isEmpty()) {
            try {
                jdbc.update("INSERT INTO etl_key_fingerprint (purpose, fingerprint, recorded_at) VALUES ('match', ?, ?)", mine,
                        LocalDateTime.now().withNano(0));
                return Optional.empty();
            } catch (org.springframework.dao.DuplicateKeyException recordedMeanwhile) {
                // another process (a worker starting beside this one) recorded it first: compare with that
                known = jdbc.queryForList("SELECT fingerprint FROM etl_key_fingerprint WHERE purpose = 'match'", String.class);
            }
        }
        if (!known.get(0).equals(mine)) {
            return Optional.of(PersonalData.MATCH_KEY_ENV + " is not the matching key this warehouse was built with "
                    + "(fingerprint " + known.get(0) + ", given " + mine + "): matching would duplicate every person");
        }
        return Optional.empty();
    }

    /**
     * Why this process's personal-data key is not the one the warehouse's latest landed record was encrypted with, or
     * empty (also when nothing was landed yet): a worker must encrypt as the manager does.
     */
    public Optional<String> encryptionKeyProblem() {
        List<String> latest = jdbc.queryForList("SELECT payload_enc FROM landing_record WHERE id = (SELECT MAX(id) FROM "
                + "landing_record)", String.class);
        if (latest.isEmpty() || latest.get(0) == null || latest.get(0).indexOf(':') < 0) {
            return Optional.empty();
        }
        String used = latest.get(0).substring(0, latest.get(0).indexOf(':'));
        return used.equals(personalData.keyId()) ? Optional.empty() : Optional.of(PersonalData.KEY_ENV + " is not the key this "
                + "warehouse's records are encrypted with (key " + used + ", given " + personalData.keyId() + "): give every "
                + "worker the manager's keys");
    }
}
