package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hunan.hrss.employmenthub.source.config.ConfigException;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written, apart from the generator: a service ledger that names its person by the platform's key (人员) only.
 * The person may arrive in the same night, a later night, or never: resolved the same night, parked until it
 * arrives, quarantined with {@code REF_KEY_UNKNOWN} after park-days. A service given by key and the same service given
 * by ID number are one service.
 */
class ReferencesBySourceKeyTests extends H2WarehouseTest {

    private static final String ZHANG = "11010519491231002X";
    private static final String LI = "360426199101010071";

    @TempDir
    Path config;

    @Test
    void aServiceNamingItsPersonByThePlatformsKeyIsResolvedWhenThePersonArrivesAndQuarantinedIfNeverParked() throws Exception {
        // given: the platform has person 1; the ledger names 1, 2 (not there yet) and 99 (nobody), and repeats the
        // service of person 1 by ID number
        sources();
        write(config, "persons/a.csv", "序号,姓名,身份证号\n1,张三," + ZHANG + "\n");
        write(config, "services.csv", "人员,身份证号,站点,类型,日期\n"
                + "1,,ZD01,岗位推荐,2023-11-02\n"
                + "2,,ZD01,电话回访,2023-11-03\n"
                + "99,,ZD01,电话回访,2023-11-04\n"
                + "," + ZHANG + ",ZD01,岗位推荐,2023-11-02\n");
        migrator.migrate();

        // when
        Printed first = nightlyCommand(config, "2023-12-01");

        // then: person 1's service is one golden service with person 1's ID number; 2 and 99 wait
        assertThat(first.exit()).as(first.text()).isZero();
        assertThat(jdbc.queryForList("SELECT s.served_on FROM wh_service s JOIN wh_person p ON p.id_number_hash = "
                + "s.person_id_number_hash", String.class)).containsExactly("2023-11-02");
        assertThat(outcomes(1)).containsExactlyInAnyOrder("new", "merged", "parked", "parked");
        assertThat(jdbc.queryForList("SELECT rule_code FROM etl_parked WHERE entity = 'service'", String.class))
                .containsExactly("REF_KEY_UNKNOWN", "REF_KEY_UNKNOWN");

        // when: person 2 arrives two nights later
        write(config, "persons/b.csv", "序号,姓名,身份证号\n2,李四," + LI + "\n");
        Printed second = nightlyCommand(config, "2023-12-03");

        // then: the parked service is resolved to person 2 and loads
        assertThat(second.exit()).as(second.text()).isZero();
        assertThat(jdbc.queryForList("SELECT s.served_on FROM wh_service s JOIN wh_person p ON p.id_number_hash = "
                + "s.person_id_number_hash ORDER BY 1", String.class)).containsExactly("2023-11-02", "2023-11-03");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_parked", Long.class)).isOne();

        // when: park-days (7) pass and nobody 99 came
        Printed third = nightlyCommand(config, "2023-12-09");

        // then: quarantined at its line, with its own rule
        assertThat(third.exit()).as(third.text()).isZero();
        assertThat(jdbc.queryForList("SELECT CONCAT(file_name, ':', line_no, ' ', rule_code, ' ', field_name) FROM quarantine",
                String.class)).containsExactly("services.csv:4 REF_KEY_UNKNOWN person_id_number");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_parked", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_service", Long.class)).isEqualTo(2);
    }

    @Test
    void checkConfigNamesEveryWrongReference() throws Exception {
        // given
        Files.createDirectories(config.resolve("sources"));
        write(config, "persons/a.csv", "序号,姓名,身份证号\n");
        write(config, "services.csv", "人员,站点,类型,日期\n");
        platform(false);
        write(config, "sources/ledger.yml", """
                id: ledger
                kind: csv
                region: "430481"
                entities:
                  - entity: service
                    path: services.csv
                    columns: {station_code: 站点, service_type: 类型, served_on: 日期}
                    refs:
                      person_id_number: {entity: person, key: 人员, source: platform}
                      station_code: {entity: station, key: 站点}
                  - entity: placement
                    path: services.csv
                    columns: {started_on: 日期}
                    constants: {channel: station}
                    refs:
                      person_id_number: {entity: employer, key: 人员, source: platform}
                      employer_credit_code: {key: 人员, source: nowhere}
                  - entity: service
                    path: services.csv
                    columns: {person_id_number: 人员, station_code: 站点, service_type: 类型, served_on: 日期}
                    refs:
                      person_id_number: {key: 人员}
                """);

        // then
        assertThatThrownBy(() -> ConfigLoader.withSystemEnvironment().load(config)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems().stream()
                        .map(p -> p.file().replaceFirst(".*/sources/", "sources/") + ": " + p.key() + ": " + p.message()).toList())
                        .containsExactlyInAnyOrder(
                                "sources/ledger.yml: entities[0].refs.person_id_number: source 'platform' maps no person "
                                        + "with a key: give its person entity the key column this reference holds",
                                "sources/ledger.yml: entities[0].refs.station_code: 'station_code' of service refers to no "
                                        + "other record (fields that do: [person_id_number])",
                                "sources/ledger.yml: entities[1].refs.person_id_number: entity: employer does not fit: "
                                        + "'person_id_number' refers to a person",
                                "sources/ledger.yml: entities[1].refs.employer_credit_code: unknown source 'nowhere' "
                                        + "(sources: [ledger, platform])",
                                "sources/ledger.yml: entities[2].refs.person_id_number: source 'ledger' maps no person "
                                        + "with a key: give its person entity the key column this reference holds",
                                "sources/ledger.yml: entities[2].refs.person_id_number.key: '人员' is also mapped to "
                                        + "person_id_number: a reference key of personal data would be kept in clear in "
                                        + "staging; map it to person_id_number under columns instead"));
    }

    private List<String> outcomes(long run) {
        return jdbc.queryForList("SELECT outcome FROM etl_outcome WHERE run_id = ? AND entity = 'service'", String.class, run);
    }

    private void sources() throws Exception {
        platform(true);
        write(config, "sources/ledger.yml", """
                id: ledger
                kind: csv
                region: "430481"
                entities:
                  - entity: service
                    path: services.csv
                    columns: {person_id_number: 身份证号, station_code: 站点, service_type: 类型, served_on: 日期}
                    refs:
                      person_id_number: {entity: person, key: 人员, source: platform}
                """);
    }

    /** The platform's person register, keyed by its 序号 or not. */
    private void platform(boolean keyed) throws Exception {
        write(config, "sources/platform.yml", """
                id: platform
                kind: csv
                region: "430481"
                entities:
                  - entity: person
                    path: persons/*.csv
                """ + (keyed ? "    key: 序号\n" : "") + """
                    columns: {name: 姓名, id_number: 身份证号}
                """);
    }

}
