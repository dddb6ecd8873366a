package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The golden person takes each attribute from the best source that has it (the best for that attribute where
 * defaults.yml says so), and keeps what it knows when a better source later says nothing. Each test starts on an
 * empty warehouse.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
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

    @Test
    void anAttributeWithAPolicyComesFromTheSourceRankedFirstForIt() throws Exception {
        // given: for the phone the online platform ranks first (persons verify it by SMS), then the register;
        // the county platform (best for everything else) ranks last for the phone
        Files.createDirectories(config.resolve("sources"));
        Files.writeString(config.resolve("defaults.yml"), "survivorship:\n  person: {phone: [online, \"reg*\"]}\n");
        Files.writeString(config.resolve("sources/county.yml"), source("county", 10, "county-*.csv"));
        Files.writeString(config.resolve("sources/register.yml"), source("register", 30, "register-*.csv"));
        Files.writeString(config.resolve("sources/online.yml"), source("online", 40, "online-*.csv"));
        Files.writeString(config.resolve("county-1.csv"), "name,id,phone,education\n张三,11010519491231002X,13900000001,\n");
        Files.writeString(config.resolve("register-1.csv"), "name,id,phone,education\n张三,11010519491231002X,13900000002,\n");
        migrator.migrate();

        // when
        night(config, LocalDate.of(2023, 12, 30));

        // then: the register's phone (no online record yet), everything else from the county platform
        assertThat(person()).containsEntry("PHONE_MASKED", "139****0002").containsEntry("SRC_SOURCE_ID", "county");
        assertThat(phoneSource()).isEqualTo("register");

        // when: the online platform sends the person, and the county platform a new phone
        Files.writeString(config.resolve("online-1.csv"), "name,id,phone,education\n张三,11010519491231002X,13900000003,\n");
        Files.writeString(config.resolve("county-2.csv"), "name,id,phone,education\n张三,11010519491231002X,13900000004,大专\n");
        night(config, LocalDate.of(2023, 12, 31));

        // then: the online phone; the county platform's new education, but not its phone
        assertThat(person()).containsEntry("PHONE_MASKED", "139****0003").containsEntry("EDUCATION", "30");
        assertThat(phoneSource()).isEqualTo("online");

        // when: the register sends a newer phone; then the online platform changes its own
        Files.writeString(config.resolve("register-2.csv"), "name,id,phone,education\n张三,11010519491231002X,13900000005,\n");
        night(config, LocalDate.of(2024, 1, 1));
        String afterRegister = (String) person().get("PHONE_MASKED");
        Files.writeString(config.resolve("online-2.csv"), "name,id,phone,education\n张三,11010519491231002X,13900000006,\n");
        night(config, LocalDate.of(2024, 1, 2));

        // then: a lower-ranked source never replaces the online phone, the online platform itself does
        assertThat(afterRegister).isEqualTo("139****0003");
        assertThat(person()).containsEntry("PHONE_MASKED", "139****0006");

        // when: every file is read again (watermarks and fingerprints cleared)
        Map<String, Object> before = jdbc.queryForMap("SELECT * FROM wh_person");
        jdbc.update("DELETE FROM etl_source_file");
        night(config, LocalDate.of(2024, 1, 3));

        // then: nothing changes
        assertThat(jdbc.queryForMap("SELECT * FROM wh_person")).isEqualTo(before);
    }

    @Test
    void amongEqualRecordsTheMostCompleteWins() throws Exception {
        // given: one register lists the same person twice, the second time with phone and education
        Files.createDirectories(config.resolve("sources"));
        Files.writeString(config.resolve("sources/register.yml"), source("register", 30, "register-*.csv"));
        Files.writeString(config.resolve("register-1.csv"), "name,id,phone,education\n李四,11010519491231002X,,\n"
                + "李肆,11010519491231002X,13800138000,大专\n");
        migrator.migrate();

        // when
        night(config, LocalDate.of(2023, 12, 31));

        // then: the fuller record shapes the golden person
        assertThat(person()).containsEntry("NAME", "李肆").containsEntry("PHONE_MASKED", "138****8000");
    }

    private String phoneSource() {
        return jdbc.queryForObject("SELECT source_id FROM wh_attribute_source WHERE entity = 'person' AND column_name = "
                + "'phone_hash'", String.class);
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
