package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.support.MariaDbWarehouseTest;
import cn.hunan.hrss.employmenthub.validation.IdNumbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Losses at the edges of a source, on MariaDB: a typo'd header, a JSON array cut off in the middle, a county
 * database whose table its own application keeps locked, a row committed late with an earlier time. Each fails loudly or is quarantined, never silently
 * dropped, and the other sources load. Each test starts on a fresh warehouse.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class SourceEdgesOnMariaDbTests extends MariaDbWarehouseTest {

    private static final String REGISTER = "430481-station-register";

    @Test
    void aTypoInAMappedHeaderFailsTheSourceNamingTheColumnAndTheFile() throws Exception {
        Path config = copyDemo(Path.of("target", "edges-typo"));
        Path yml = config.resolve("sources/430481/" + REGISTER + ".yml");
        Files.writeString(yml, Files.readString(yml).replaceFirst("id_number: 身份证号", "id_number: 公民身份号码"));

        Printed run = nightlyCommand(config, "2023-12-31");

        assertThat(run.exit()).as(run.text()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(run.lastLine()).contains("source " + REGISTER + " could not be read")
                .contains("mapped column(s) [公民身份号码] not found in data/430481/register/persons-2023.csv");
        assertThat(jdbc.queryForObject("SELECT status FROM etl_source_status WHERE source_id = ?", String.class, REGISTER))
                .isEqualTo("UNREADABLE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_source_file WHERE source_id = ?", Long.class, REGISTER))
                .as("its files are read again once the mapping is fixed").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person WHERE src_source_id = ?", Long.class, REGISTER)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person", Long.class)).as("the others loaded").isPositive();
    }

    @Test
    void aTruncatedJsonArrayIsQuarantinedAtItsEndAndItsCompleteVersionIsReadTheNextNight() throws Exception {
        Path config = copyDemo(Path.of("target", "edges-truncated"));
        Path file = config.resolve("data/province/online/registrations.json");
        String complete = Files.readString(file);
        Files.writeString(file, complete.substring(0, complete.length() / 2));

        Printed first = nightlyCommand(config, "2023-12-31");

        assertThat(first.exit()).as(first.text()).isZero();
        Map<String, Object> error = jdbc.queryForMap("SELECT rule_code, line_no, detail FROM quarantine WHERE source_id = "
                + "'online-platform' AND entity = 'person' AND rule_code = 'READ_JSON_MALFORMED'");
        assertThat(error.get("detail").toString()).contains("the file ends");
        assertThat(((Number) error.get("line_no")).longValue()).isGreaterThan(100);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_source_file WHERE file_name LIKE '%registrations.json'",
                Long.class)).as("not remembered as loaded").isZero();
        long loadedFirst = jdbc.queryForObject("SELECT COUNT(*) FROM landing_record WHERE source_id = 'online-platform' "
                + "AND entity = 'person' AND outcome = 'staged'", Long.class);
        assertThat(loadedFirst).isBetween(30L, 60L);

        Files.writeString(file, complete);
        Printed second = nightlyCommand(config, "2024-01-01");

        assertThat(second.exit()).as(second.text()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM landing_record WHERE source_id = 'online-platform' AND entity = "
                + "'person' AND run_id = 2", Long.class)).isEqualTo(88L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_source_file WHERE file_name LIKE '%registrations.json'",
                Long.class)).isOne();
    }

    @Test
    void aCountyTableLockedByItsOwnApplicationFailsThatSourceAloneWithinItsTimeout() throws Exception {
        String county = DATABASE + "_locked";
        execute("DROP DATABASE IF EXISTS " + county, "CREATE DATABASE " + county + " CHARACTER SET utf8mb4",
                "CREATE TABLE " + county + ".jy_ry (xm VARCHAR(50), sfzh VARCHAR(18), gxsj DATETIME)",
                "INSERT INTO " + county + ".jy_ry VALUES ('张三', '11010519491231002X', '2023-12-01 10:00:00')");
        Path config = copyDemo(Path.of("target", "edges-locked"));
        Files.writeString(config.resolve("sources/430481/locked.yml"), """
                id: 430481-locked-platform
                kind: jdbc
                region: "430481"
                connection: {url: "%s", username: "${COUNTY_DB_USER:root}", password: "${COUNTY_DB_PASSWORD:}",
                             read-timeout: 3}
                entities:
                  - entity: person
                    table: jy_ry
                    updated-at: gxsj
                    columns: {name: xm, id_number: sfzh}
                """.formatted(url(county)));
        try (Connection application = DriverManager.getConnection(url(county), user(), password());
             Statement s = application.createStatement()) {
            s.execute("LOCK TABLES jy_ry WRITE");
            long started = System.nanoTime();

            Printed run = nightlyCommand(config, "2023-12-31");

            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertThat(run.exit()).as(run.text()).isEqualTo(ExitCodes.PARTIAL);
            assertThat(run.lastLine()).contains("source 430481-locked-platform could not be read");
            assertThat(seconds).as("the night did not wait for the lock").isLessThan(120);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person", Long.class)).as("the others loaded").isPositive();
            s.execute("UNLOCK TABLES");
        } finally {
            execute("DROP DATABASE IF EXISTS " + county);
        }
    }

    @Test
    void aRowCommittedLateWithAnEarlierTimeIsReadTheNextNightAndNoRowIsReadTwice() throws Exception {
        String county = DATABASE + "_late";
        execute("DROP DATABASE IF EXISTS " + county, "CREATE DATABASE " + county + " CHARACTER SET utf8mb4",
                "CREATE TABLE " + county + ".jy_ry (rybh INT, xm VARCHAR(50), sfzh VARCHAR(18), gxsj DATETIME)",
                "INSERT INTO " + county + ".jy_ry VALUES (1, '甲', '" + id(1) + "', '2023-12-30 08:00:00'), (2, '乙', '" + id(2)
                        + "', '2023-12-30 09:30:00'), (3, '丙', '" + id(3) + "', '2023-12-30 10:00:00')");
        Path config = copyDemo(Path.of("target", "edges-late"));
        Files.writeString(config.resolve("sources/430481/late.yml"), """
                id: 430481-late-platform
                kind: jdbc
                region: "430481"
                connection: {url: "%s", username: "${COUNTY_DB_USER:root}", password: "${COUNTY_DB_PASSWORD:}"}
                entities:
                  - entity: person
                    table: jy_ry
                    updated-at: gxsj
                    key: rybh
                    columns: {name: xm, id_number: sfzh}
                """.formatted(url(county)));
        try {
            assertThat(nightlyCommand(config, "2023-12-31").exit()).isZero();
            assertThat(landed(1)).isEqualTo(3);

            // a transaction that began before the night commits afterwards, its row stamped 09:45; and a new row
            execute("INSERT INTO " + county + ".jy_ry VALUES (4, '丁', '" + id(4) + "', '2023-12-30 09:45:00'), (5, '戊', '"
                    + id(5) + "', '2024-01-01 08:00:00')");
            assertThat(nightlyCommand(config, "2024-01-01").exit()).isZero();

            assertThat(landed(2)).as("the late row and the new one, not the window's rows read before").isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT rows_skipped FROM etl_extract_log WHERE run_id = 2 AND source_id = "
                    + "'430481-late-platform'", Long.class)).as("乙 and 丙, read again in the lookback window").isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_xref WHERE source_id = '430481-late-platform'", Long.class))
                    .isEqualTo(5);
            Printed again = nightlyCommand(config, "2024-01-01", "rerun");
            assertThat(again.exit()).isZero();
            assertThat(landed(3)).as("a rerun reads nothing twice").isZero();
        } finally {
            execute("DROP DATABASE IF EXISTS " + county);
        }
    }

    private long landed(long runId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM landing_record WHERE run_id = ? AND source_id = '430481-late-platform'",
                Long.class, runId);
    }

    private static String id(int n) {
        String first17 = "43048119900101" + String.format("%03d", n);
        return first17 + IdNumbers.checkChar(first17);
    }

}
