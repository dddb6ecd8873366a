package cn.hunan.hrss.employmenthub.source.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTests {

    private static final String VALID = """
            id: ly-register
            kind: csv
            region: "430481"
            file: {encoding: GBK, header-row: 2}
            entities:
              - entity: person
                path: data/persons.csv
                columns: {name: 姓名, id_number: 身份证号}
            """;

    @TempDir
    Path dir;
    private final ConfigLoader loader = new ConfigLoader(Map.of("DB_PASSWORD", "secret", "DB_USER", "reader")::get);

    @BeforeEach
    void dataFile() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/persons.csv"), "title\n姓名,身份证号\n");
    }

    private void source(String yaml) throws IOException {
        Files.createDirectories(dir.resolve("sources/hengyang"));
        Files.writeString(dir.resolve("sources/hengyang/ly.yml"), yaml);
    }

    private String problems(String yaml) throws IOException {
        source(yaml);
        try {
            loader.load(dir);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the config to be refused");
    }

    @Test
    void aValidSourceLoads() throws IOException {
        source(VALID);

        JobsConfig config = loader.load(dir);

        assertThat(config.sources()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("ly-register");
            assertThat(s.kind()).isEqualTo(SourceKind.CSV);
            assertThat(s.file().encoding()).isEqualTo("GBK");
        });
    }

    @Test
    void aTypoedKeyIsNamedWithItsFile() throws IOException {
        assertThat(problems(VALID.replace("file: {encoding", "file: {encodng")))
                .contains("sources/hengyang/ly.yml", "file.encodng", "unknown key 'encodng'");
    }

    @Test
    void aWrongTypeIsNamedWithItsKey() throws IOException {
        assertThat(problems(VALID.replace("header-row: 2", "header-row: second")))
                .contains("sources/hengyang/ly.yml", "file.header-row", "wrong type");
    }

    @Test
    void anUnsetEnvironmentVariableIsNamed() throws IOException {
        String jdbc = """
                id: ly-county
                kind: jdbc
                region: "430481"
                connection: {url: "jdbc:mysql://127.0.0.1/ly", username: "${DB_USER}", password: "${LY_DB_PASSWORD}"}
                entities:
                  - entity: employer
                    table: jy_dw
                    columns: {credit_code: tyshxydm, name: dwmc}
                """;
        assertThat(problems(jdbc)).contains("connection.password", "${LY_DB_PASSWORD} is not set");
    }

    @Test
    void aLiteralPasswordIsRefused() throws IOException {
        String jdbc = """
                id: ly-county
                kind: jdbc
                region: "430481"
                connection: {url: "jdbc:mysql://127.0.0.1/ly", username: reader, password: hunter2, timeout: 5}
                entities:
                  - entity: employer
                    table: jy_dw
                    colums: {credit_code: tyshxydm}
                    columns: {credit_code: tyshxydm, name: dwmc, industy: hydm}
                """;
        // every problem of the file in one pass: a literal password no longer hides the others
        assertThat(problems(jdbc)).contains("connection.password", "must be an ${ENV_VAR} reference",
                "connection.timeout: unknown key 'timeout'", "entities[0].colums: unknown key 'colums'",
                "entities[0].columns.industy: unknown field 'industy' of employer");
    }

    @Test
    void meaningChecksNameEveryProblem() throws IOException {
        String bad = """
                id: ly-register
                kind: csv
                region: "439999"
                file: {encoding: BIG-5-OOPS}
                entities:
                  - entity: persn
                    path: data/persons.csv
                  - entity: person
                    path: data/missing/*.csv
                    columns: {nam: 姓名}
                    values: {gender: {男: "3"}, channel: {村级台账: station}}
                    constants: {channel: village-book, categories: "rural 失业人员 astronaut", education: 村级台账}
                """;
        assertThat(problems(bad)).contains(
                "region: '439999' is not a Hunan province, city or county code",
                "file.encoding: unknown encoding 'BIG-5-OOPS'",
                "entities[0].entity: unknown entity 'persn'",
                "entities[1].path: 'data/missing/*.csv' does not exist",
                "entities[1].columns.nam: unknown field 'nam' of person",
                "entities[1].columns: required field 'name' of person is not mapped",
                "entities[1].values.gender.男: '3' is not a code of table gender",
                "entities[1].constants.channel: 'village-book' is not a code of table channel",
                "entities[1].constants.categories: 'astronaut' is not a code of table category");
        assertThat(problems(bad)).doesNotContain("constants.categories: 'rural'", "constants.categories: '失业人员'")
                .contains("entities[1].constants.education: '村级台账' is not a code of table education");
    }

    @Test
    void survivorshipAndMatchingMustNameRealFieldsSourcesAndComparisons() throws IOException {
        Files.writeString(dir.resolve("defaults.yml"), """
                schedule: {cron: "0 2 * * *", zone: Asia/Beijing, catch-up-days: -1}
                matching: {auto-merge: 4, review: 6, weights: {name-exakt: 3, birth-close: 1}}
                survivorship:
                  person: {phone: [ly-register, online-platfrom], id_number: [ly-register], educaton: ["ly-*"]}
                  persn: {name: [ly-register]}
                  employer: {name: ["ly register"]}
                """);

        assertThat(problems(VALID)).doesNotContain("online-platfrom").contains(
                "survivorship.person.id_number: not a field of person that survivorship settles",
                "survivorship.person.educaton: not a field of person",
                "survivorship.persn: unknown entity 'persn'",
                "survivorship.employer.name[0]: not a source id or pattern",
                "matching.weights.name-exakt: unknown comparison; known: name-exact, name-sounds-alike",
                "matching.auto-merge: 4 is below review 6",
                "defaults.yml: schedule.cron: '0 2 * * *' is not a cron expression of six fields",
                "defaults.yml: schedule.zone: unknown time zone 'Asia/Beijing'",
                "defaults.yml: schedule.catch-up-days: must be 0 to 31")
                .doesNotContain("phone[0]").doesNotContain("weights.birth-close");
    }

    @Test
    void theMatchModelItsProbabilitiesAndThresholdsAreChecked() throws IOException {
        Files.writeString(dir.resolve("defaults.yml"), """
                matching:
                  model: bayes
                  auto-merge-probability: 0.4
                  review-probability: 0.6
                  rival-margin: -1
                  probabilities: {name-exact: {m: 1.2}, birth-close: {u: 0.003}, phone-swapped: {m: 0.1}}
                """);

        assertThat(problems(VALID)).contains(
                "matching.model: unknown model bayes; known: estimated, fixed, points",
                "matching.auto-merge-probability: 0.4 is below review-probability 0.6",
                "matching.rival-margin: must be 0 or more (bits of match weight)",
                "matching.probabilities.name-exact.m: 1.2 is not a probability strictly between 0 and 1",
                "matching.probabilities.phone-swapped: unknown comparison level; known: name-exact,")
                .doesNotContain("birth-close.u");
    }

    @Test
    void parallelismAndKeyRangesAreReadAndCheckedWhereTheyBelong() throws IOException {
        source(VALID.replace("kind: csv", "kind: csv\nparallelism: 3"));
        assertThat(loader.load(dir).sources().get(0).parallelismOr(2)).isEqualTo(3);

        assertThat(problems(VALID.replace("kind: csv", "kind: csv\nparallelism: 0").replace("path: data/persons.csv",
                "path: data/persons.csv\n    split-pk: xh")))
                .contains("sources/hengyang/ly.yml", "parallelism: must be 1 to 64 partitions",
                        "entities[0].split-pk: only database tables are cut by key");
    }

    @Test
    void aBrokenDatePatternIsNamed() throws IOException {
        assertThat(problems(VALID + "date-formats: [yyyy-MM-dd, yyyy-MM-ddTHH:mm]\n")).contains(
                "date-formats[1]: 'yyyy-MM-ddTHH:mm' is not a date pattern: Unknown pattern letter: T");
    }

    @Test
    void defaultsCopiedFromAnotherInstallationLoadWithAWarningNamingItsSources() throws IOException {
        // given: the demo's defaults.yml, which ranks sources this installation does not have
        Files.copy(Path.of("jobs-config/defaults.yml"), dir.resolve("defaults.yml"));
        source(VALID);

        // when
        JobsConfig config = loader.load(dir);

        // then
        assertThat(config.warnings()).extracting(ConfigProblem::toString).contains(
                "defaults.yml: survivorship.person.phone[0]: names no source system configured here: 'online-platform' "
                        + "(it counts once such a source is added)");
    }

    @Test
    void pathsTakeWildcardsInFoldersAndMayBeAbsoluteAndAreShownAsWritten(@TempDir Path elsewhere) throws IOException {
        // given: registers one folder per county, and a folder outside the config
        for (String county : new String[] {"430481", "431322"}) {
            Files.createDirectories(dir.resolve("data/" + county + "/register/2023"));
            Files.writeString(dir.resolve("data/" + county + "/register/" + county + "-人员登记.csv"), "x\n");
            Files.writeString(dir.resolve("data/" + county + "/register/2023/old-人员登记.csv"), "x\n");
        }
        Files.writeString(elsewhere.resolve("a-人员登记.csv"), "x\n");

        // then
        assertThat(FileSet.expand(dir, "data/*/register/*-人员登记.csv")).extracting(f -> FileSet.label(dir,
                "data/*/register/*-人员登记.csv", f)).containsExactly("data/430481/register/430481-人员登记.csv",
                "data/431322/register/431322-人员登记.csv");
        assertThat(FileSet.expand(dir, "data/**/*-人员登记.csv")).hasSize(4);
        assertThat(FileSet.expand(dir, "data/4304??/register/**/old-*.csv")).extracting(f -> FileSet.label(dir,
                "data/4304??/register/**/old-*.csv", f)).containsExactly("data/430481/register/2023/old-人员登记.csv");
        String absolute = elsewhere.toAbsolutePath() + "/*-人员登记.csv";
        assertThat(FileSet.expand(dir, absolute)).extracting(f -> FileSet.label(dir, absolute, f))
                .containsExactly(elsewhere.toAbsolutePath().normalize() + "/a-人员登记.csv");
        source(VALID.replace("path: data/persons.csv", "path: data/*/register/*-人员登记.csv"));
        assertThat(loader.load(dir).warnings()).isEmpty();
        source(VALID.replace("path: data/persons.csv", "path: data/*/registers/*-人员登记.csv"));
        assertThat(loader.load(dir).warnings()).extracting(ConfigProblem::toString).singleElement().asString()
                .endsWith("entities[0].path: no file matches 'data/*/registers/*-人员登记.csv' yet");
        assertThat(problems(VALID.replace("path: data/persons.csv", "path: daten/*/register/*-人员登记.csv")))
                .contains("entities[0].path: 'daten/*/register/*-人员登记.csv' does not exist (no folder ");
    }

    @Test
    void theBundledDemoConfigurationIsValid() {
        JobsConfig demo = ConfigLoader.withSystemEnvironment().load(Path.of("jobs-config"));

        assertThat(demo.sources()).extracting(s -> s.kind().name()).contains("jdbc", "csv", "xlsx", "json");
    }

    @Test
    void aMissingDirectoryIsRefused() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a directory");
    }
}
