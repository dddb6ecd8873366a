package cn.hunan.hrss.employmenthub.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hunan.hrss.employmenthub.source.config.ConfigException;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rejected database row is named by its key, which stays the same on every read (its place in the read does not);
 * a file's record by its line and, where the file has a key column, that key too, masked if it holds an ID number or
 * phone. A key column that is also the ID number column is refused by check-config.
 */
class SourceKeyInQuarantineTests extends H2WarehouseTest {

    @TempDir
    Path config;

    @Test
    void quarantineAndViolationsCarryTheSourceKeyStableAcrossReadsAndMasked() throws Exception {
        // given: a county table whose rows 7 and 3 are bad, and a ledger keyed by a column that holds phone numbers
        write(config, "county.sql", """
                CREATE TABLE IF NOT EXISTS jy_ry (xh INT PRIMARY KEY, xm VARCHAR(20), sfzh VARCHAR(18), gxsj TIMESTAMP);
                MERGE INTO jy_ry VALUES (7, '甲', '110105194912310020', '2023-11-01 10:00:00'),
                  (3, '乙', '360426199101010071', '2023-11-01 10:00:00'), (5, '丙', '1234', '2023-11-01 10:00:00');
                """);
        write(config, "sources/county.yml", """
                id: county
                kind: jdbc
                region: "430481"
                connection: {url: "jdbc:h2:mem:keys;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '${CONFIG_DIR}/county.sql'",
                             username: sa, password: "${NO_PASSWORD:}"}
                entities:
                  - entity: person
                    table: jy_ry
                    updated-at: gxsj
                    key: xh
                    columns: {name: xm, id_number: sfzh}
                """);
        write(config, "ledger.csv", "编号,姓名,身份证号\n13812345678,丁,12\n,戊,34\n");
        write(config, "sources/ledger.yml", """
                id: ledger
                kind: csv
                region: "430481"
                entities:
                  - entity: person
                    path: ledger.csv
                    key: 编号
                    columns: {name: 姓名, id_number: 身份证号}
                  - entity: service          # keyed by a phone; its person never arrives: parked by the merge
                    path: services.csv
                    key: 编号
                    columns: {person_id_number: 身份证号, station_code: 站点, service_type: 类型, served_on: 日期}
                """);
        write(config, "services.csv", "编号,身份证号,站点,类型,日期\n13987654321,11010519491231002X,ZD01,岗位推荐,2023-11-02\n");
        migrator.migrate();

        // when: the night, then a reread of everything
        nightlyCommand(config, "2023-12-01");
        jdbc.update("DELETE FROM etl_watermark");
        jdbc.update("DELETE FROM etl_source_file");
        nightlyCommand(config, "2023-12-02");

        // then
        assertThat(jdbc.queryForList("SELECT CONCAT(run_id, ' ', source_id, ' ', COALESCE(source_key, '-'), ' ', rule_code) "
                + "FROM quarantine ORDER BY run_id, source_id, source_key", String.class)).containsExactly(
                "1 county 5 ID_FORMAT", "1 county 7 ID_CHECK_DIGIT",
                "1 ledger - ID_FORMAT", "1 ledger 138****5678 ID_FORMAT",
                "2 county 5 ID_FORMAT", "2 county 7 ID_CHECK_DIGIT",
                "2 ledger - ID_FORMAT", "2 ledger 138****5678 ID_FORMAT");
        assertThat(jdbc.queryForList("SELECT DISTINCT source_key FROM dq_violation WHERE source_id = 'county' ORDER BY 1",
                String.class)).containsExactly("5", "7");
        assertThat(jdbc.queryForList("SELECT CONCAT(run_id, ' ', source_key, ' ', rule_code) FROM dq_violation WHERE entity = "
                + "'service' ORDER BY run_id", String.class)).as("the merge's rows are masked too")
                .containsExactly("1 139****4321 REF_PERSON_UNKNOWN", "2 139****4321 REF_PERSON_UNKNOWN");
    }

    @Test
    void aKeyColumnThatIsTheIdNumberIsRefused() throws Exception {
        // given
        write(config, "ledger.csv", "身份证号,姓名\n");
        write(config, "sources/ledger.yml", """
                id: ledger
                kind: csv
                region: "430481"
                entities:
                  - entity: person
                    path: ledger.csv
                    key: 身份证号
                    columns: {name: 姓名, id_number: 身份证号}
                """);

        // then
        assertThatThrownBy(() -> ConfigLoader.withSystemEnvironment().load(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("entities[0].key: '身份证号' is also mapped to id_number: a key of personal data would "
                        + "be kept in clear in the cross-reference");
    }

}
