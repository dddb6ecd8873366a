package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden person takes each attribute from the best source that has it, and keeps what it knows when a
 * better source later says nothing.
 */
class SurvivorshipTests extends H2WarehouseTest {

    @TempDir
    Path config;

    @Test
    void missingAttributesComeFromTheNextBestSourceAndAreNeverLost() throws Exception {
        // given: the county platform (priority 10) knows the name but no phone or education; the register (30) knows both
        Files.createDirectories(config.resolve("sources"));
        Files.writeString(config.resolve("sources/county.yml"), source("county", 10, "county-*.csv"));
        Files.writeString(config.resolve("sources/register.yml"), source("register", 30, "register-*.csv"));
        Files.writeString(config.resolve("county-1.csv"), "name,id,phone,education\n张三,11010519491231002X,,\n");
        Files.writeString(config.resolve("register-1.csv"), "name,id,phone,education\n張三,11010519491231002X,13800138000,大专\n");
        migrator.migrate();

        // when
        night(config, LocalDate.of(2023, 12, 31));

        // then: the name from the county platform, the phone and education from the register
        assertThat(person()).containsEntry("NAME", "张三").containsEntry("PHONE_MASKED", "138****8000")
                .containsEntry("EDUCATION", "30").containsEntry("SRC_SOURCE_ID", "county");

        // when: the county platform sends the person again, changed, still without phone or education
        Files.writeString(config.resolve("county-2.csv"), "name,id,phone,education\n张三丰,11010519491231002X,,\n");
        night(config, LocalDate.of(2024, 1, 1));

        // then: the new name, and the phone and education it knew are kept
        assertThat(person()).containsEntry("NAME", "张三丰").containsEntry("PHONE_MASKED", "138****8000")
                .containsEntry("EDUCATION", "30");
    }

    private Map<String, Object> person() {
        return jdbc.queryForMap("SELECT name, phone_masked, education, src_source_id FROM wh_person");
    }

    private static String source(String id, int priority, String path) {
        return """
                id: %s
                kind: csv
                region: "430481"
                priority: %d
                entities:
                  - entity: person
                    path: %s
                    columns: {name: name, id_number: id, phone: phone, education: education}
                """.formatted(id, priority, path);
    }
}
