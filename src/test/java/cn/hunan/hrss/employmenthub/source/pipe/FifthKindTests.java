package cn.hunan.hrss.employmenthub.source.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hunan.hrss.employmenthub.source.config.ConfigException;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a kind of source is adding its package: {@code source.pipe} (two classes, in the test sources only) is found on
 * the class path, its sources pass check-config with the file checks every file kind has, and a night reads them,
 * validates and quarantines as for the four kinds the project ships.
 */
class FifthKindTests extends H2WarehouseTest {

    @TempDir
    Path config;

    @Test
    void aKindThatIsOnlyAPackageIsCheckedAndRead() throws Exception {
        // given
        Files.createDirectories(config.resolve("sources"));
        Files.createDirectories(config.resolve("data"));
        Files.writeString(config.resolve("data/persons.txt"), "姓名|身份证号\n张三|11010519491231002X\n李四|12345\n");
        Files.writeString(config.resolve("sources/pipes.yml"), """
                id: pipes
                kind: pipe
                region: "430481"
                entities:
                  - entity: person
                    path: data/persons.txt
                    columns: {name: 姓名, id_number: 身份证号}
                """);
        migrator.migrate();

        // when
        Printed night = nightlyCommand(config, "2023-12-31");

        // then
        assertThat(night.exit()).as(night.text()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person", Long.class)).isOne();
        assertThat(jdbc.queryForList("SELECT CONCAT(file_name, ':', line_no, ' ', rule_code) FROM quarantine", String.class))
                .containsExactly("data/persons.txt:3 ID_FORMAT");
    }

    @Test
    void itsSourcesAreCheckedLikeEveryFileSource() throws Exception {
        Files.createDirectories(config.resolve("sources"));
        Files.writeString(config.resolve("sources/pipes.yml"), """
                id: pipes
                kind: pipe
                region: "430481"
                connection: {url: "jdbc:h2:mem:x"}
                entities:
                  - entity: person
                    path: data/none.txt
                    columns: {name: 姓名}
                """);

        assertThatThrownBy(() -> ConfigLoader.withSystemEnvironment().load(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection: only database sources (jdbc) have a connection")
                .hasMessageContaining("entities[0].path: 'data/none.txt' does not exist");
        Files.writeString(config.resolve("sources/pipes.yml"), Files.readString(config.resolve("sources/pipes.yml"))
                .replace("kind: pipe", "kind: pipes"));
        assertThatThrownBy(() -> ConfigLoader.withSystemEnvironment().load(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("kind: unknown kind 'pipes' (one of csv, jdbc, json, pipe, xlsx)");
    }
}
