package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.operations.NightlyCommand;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rotating the encryption key re-encrypts everything and changes no hash; a different matching key is refused. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:keys;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "hub.pii.key=" + KeyRotationTests.OLD,
        "hub.pii.match-key=" + KeyRotationTests.MATCH})
class KeyRotationTests {

    static final String OLD = "b2xkLWVuY3J5cHRpb24ta2V5LW9mLXRoZS1lbXBsb3ltZW50LWh1Yi0wMDAwMDA=";
    static final String NEW = "bmV3LWVuY3J5cHRpb24ta2V5LW9mLXRoZS1lbXBsb3ltZW50LWh1Yi0xMTExMTE=";
    static final String MATCH = "bWF0Y2hpbmcta2V5LW9mLXRoZS1lbXBsb3ltZW50LWh1Yi0yMjIyMjIyMjIyMjI=";

    @Autowired
    NightlyCommand nightly;
    @Autowired
    WarehouseMigrator migrator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void rotationReencryptsEveryValueAndLeavesEveryHash() throws Exception {
        // given: the demo loaded under the old key
        migrator.migrate();
        assertThat(new KeyGuard(PersonalData.fromSettings(OLD, null, MATCH), jdbc, dataSource).problem()).isEmpty();
        nightly.launch(ConfigLoader.withSystemEnvironment().load(Path.of("jobs-config")), LocalDate.of(2023, 12, 31));
        PersonalData old = PersonalData.fromSettings(OLD, null, MATCH);
        Map<Long, String> ids = new HashMap<>();
        jdbc.query("SELECT person_id, id_number_enc FROM wh_person", rs -> {
            ids.put(rs.getLong(1), old.decrypt(rs.getString(2)));
        });
        List<String> hashesBefore = jdbc.queryForList("SELECT id_number_hash FROM wh_person ORDER BY person_id", String.class);

        // when
        PersonalData rotating = PersonalData.fromSettings(NEW, OLD, MATCH);
        Map<String, Long> done = new KeyRotation(jdbc, rotating).rotate();

        // then: every ciphertext is under the new key and decrypts to the same value without the old key
        assertThat(done.get("wh_person.id_number_enc")).isEqualTo(ids.size());
        assertThat(done.get("landing_record.payload_enc")).isPositive();
        PersonalData rotated = PersonalData.fromSettings(NEW, null, MATCH);
        jdbc.query("SELECT person_id, id_number_enc FROM wh_person", rs -> {
            assertThat(rs.getString(2)).startsWith(rotated.keyId() + ":");
            assertThat(rotated.decrypt(rs.getString(2))).isEqualTo(ids.get(rs.getLong(1)));
        });
        for (KeyRotation.Target t : KeyRotation.targets()) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + t.table() + " WHERE " + t.column() + " IS NOT NULL AND "
                    + t.column() + " NOT LIKE ?", Long.class, rotated.keyId() + ":%")).as(t.toString()).isZero();
        }
        assertThat(jdbc.queryForList("SELECT id_number_hash FROM wh_person ORDER BY person_id", String.class))
                .isEqualTo(hashesBefore);
        assertThat(new KeyRotation(jdbc, rotating).rotate().values()).allMatch(n -> n == 0);

        // and another matching key is refused before anything is written
        PersonalData otherMatch = PersonalData.fromSettings(NEW, null, OLD);
        assertThat(new KeyGuard(otherMatch, jdbc, dataSource).problem()).hasValueSatisfying(p ->
                assertThat(p).startsWith("HUB_MATCH_KEY is not the matching key this warehouse was built with"));
        assertThat(new KeyGuard(rotated, jdbc, dataSource).problem()).isEmpty();
    }
}
