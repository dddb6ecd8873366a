package cn.hunan.hrss.employmenthub.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader is held to the source's own count of what a unit holds. A JSON array with a value that is no record in
 * the middle ({@code [{…}, 5, {…}]}) used to end the file there, silently: the elements after it were never read.
 * Now its three elements against one record read fail the source, naming the file; a sound file's counts are kept.
 */
class SourceCountTests extends H2WarehouseTest {

    @TempDir
    Path config;

    @Test
    void aUnitThatHoldsMoreThanTheReaderAccountedForFailsItsSource() throws Exception {
        Files.createDirectories(config.resolve("sources"));
        Files.writeString(config.resolve("sources/online.yml"), """
                id: online
                kind: json
                region: "430481"
                file: {format: array}
                entities:
                  - entity: person
                    path: persons.json
                    columns: {name: name, id_number: id}
                """);
        Files.writeString(config.resolve("sources/register.yml"), """
                id: register
                kind: csv
                region: "430481"
                entities:
                  - entity: person
                    path: persons.csv
                    columns: {name: name, id_number: id}
                """);
        Files.writeString(config.resolve("persons.json"), "[{\"name\": \"张三\", \"id\": \"11010519491231002X\"}, 5,\n"
                + " {\"name\": \"李四\", \"id\": \"360426199101010071\"}]");
        Files.writeString(config.resolve("persons.csv"), "name,id\r\n王五,430481199710023356\r\n\"赵\n六\",430481198606118131\r\n");
        migrator.migrate();

        Printed night = nightlyCommand(config, "2023-12-31");

        assertThat(night.exit()).as(night.text()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(night.lastLine()).contains("source online could not be read")
                .contains("persons.json holds 3 by its own count (rows, lines or elements) but the reader accounted for 1");
        assertThat(jdbc.queryForMap("SELECT rows_read, source_count FROM etl_extract_log WHERE source_id = 'register'"))
                .as("a quoted value over two lines: 4 lines, 2 records").containsEntry("ROWS_READ", 2L)
                .containsEntry("SOURCE_COUNT", 4L);
    }
}
