package cn.hunan.hrss.employmenthub.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A source that cannot be read, or whose unit holds more than its reader accounted for, fails alone; the registers
 * still load and the night ends PARTIAL. A JSON array with a value that is no record in the middle ({@code [{…}, 5,
 * {…}]}) used to end the file there, silently; the source's own count of three elements against one record read now
 * fails the source, naming the file. Each test has a warehouse of its own.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class UnreadableSourceTests extends H2WarehouseTest {

    @TempDir
    Path config;

    @Test
    void aSourceThatCannotBeReadFailsAloneAndKeepsItsWatermark() throws Exception {
        // given: a register and a county database that does not exist
        register();
        Files.writeString(config.resolve("persons.csv"), "name,id\n张三,11010519491231002X\n李四,360426199101010071\n");
        Files.writeString(config.resolve("sources/county.yml"), """
                id: county
                kind: jdbc
                region: "430481"
                connection: {url: "jdbc:h2:${CONFIG_DIR}/missing-db;IFEXISTS=TRUE", username: sa, password: "${NO_PASSWORD:}"}
                entities:
                  - entity: person
                    table: jy_ry
                    updated-at: gxsj
                    columns: {name: xm, id_number: sfzh}
                """);
        migrator.migrate();

        // when
        Printed night = nightlyCommand(config, "2023-12-31");

        // then
        assertThat(night.exit()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(night.lastLine()).startsWith("PARTIAL: run 1: source county could not be read");
        assertThat(jdbc.queryForObject("SELECT status FROM etl_source_status WHERE source_id = 'county'", String.class))
                .isEqualTo("UNREADABLE");
        assertThat(jdbc.queryForMap("SELECT status, exit_code FROM BATCH_STEP_EXECUTION WHERE step_name = "
                + "'extractSource:source:county'")).as("the partition says so, not COMPLETED alone")
                .containsEntry("STATUS", "COMPLETED").containsEntry("EXIT_CODE", "UNREADABLE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_watermark WHERE source_id = 'county'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_source_file WHERE source_id = 'register'", Long.class)).isOne();
    }

    @Test
    void aUnitThatHoldsMoreThanTheReaderAccountedForFailsItsSource() throws Exception {
        // given: a county query whose rows are not the same twice (a sequence decides): its count in the read's
        // snapshot says 3, the read itself then finds none
        register();
        Files.writeString(config.resolve("drift.sql"), """
                DROP TABLE IF EXISTS jy_ry; DROP SEQUENCE IF EXISTS drift; CREATE SEQUENCE drift;
                CREATE TABLE jy_ry (xm VARCHAR(20), sfzh VARCHAR(18));
                INSERT INTO jy_ry VALUES ('甲', '11010519491231002X'), ('乙', '360426199101010071'),
                  ('丙', '430481199710023356'), ('丁', '430481198606118131'), ('戊', '110102199101010078');
                """);
        Files.writeString(config.resolve("sources/county.yml"), """
                id: county
                kind: jdbc
                region: "430481"
                connection: {url: "jdbc:h2:mem:drift;INIT=RUNSCRIPT FROM '${CONFIG_DIR}/drift.sql'", username: sa,
                             password: "${NO_PASSWORD:}"}
                entities:
                  - entity: person
                    query: "SELECT xm, sfzh FROM jy_ry WHERE NEXT VALUE FOR drift <= 3"
                    columns: {name: xm, id_number: sfzh}
                """);
        Files.writeString(config.resolve("persons.csv"), "name,id\r\n王五,430481199710023356\r\n\"赵\n六\",430481198606118131\r\n");
        migrator.migrate();

        Printed night = nightlyCommand(config, "2023-12-31");

        assertThat(night.exit()).as(night.text()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(night.lastLine()).contains("source county could not be read")
                .contains("person-query holds 3 by its own count (rows, lines or elements) but the reader accounted for 0");
        assertThat(jdbc.queryForMap("SELECT rows_read, source_count FROM etl_extract_log WHERE source_id = 'register'"))
                .as("a quoted value over two lines: 4 lines, 2 records").containsEntry("ROWS_READ", 2L)
                .containsEntry("SOURCE_COUNT", 4L);
    }

    /** A register source reading {@code persons.csv} (name, id), the source that loads while another fails. */
    private void register() throws Exception {
        Files.createDirectories(config.resolve("sources"));
        Files.writeString(config.resolve("sources/register.yml"), """
                id: register
                kind: csv
                region: "430481"
                entities:
                  - entity: person
                    path: persons.csv
                    columns: {name: name, id_number: id}
                """);
    }
}
