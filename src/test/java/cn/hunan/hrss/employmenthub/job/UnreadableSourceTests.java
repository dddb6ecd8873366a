package cn.hunan.hrss.employmenthub.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A county database that is down fails its source alone; the registers still load and the night ends PARTIAL. */
class UnreadableSourceTests extends H2WarehouseTest {

    @TempDir
    Path config;

    @Test
    void aSourceThatCannotBeReadFailsAloneAndKeepsItsWatermark() throws Exception {
        // given: a register and a county database that does not exist
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
}
