package cn.hunan.hrss.employmenthub.operations.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.source.config.ConfigException;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.TruthCheck;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The onboarding acceptance of {@code discover}: the demo's county databases (H2 scripts) and GBK station registers
 * are replaced by the drafts discover writes for them, with only what it could not decide filled in (credentials,
 * trust, how persons registered); the drafts pass check-config (not before the TODOs are filled) and the night
 * gives every figure of the demo's truth.
 */
class DiscoverTests extends H2WarehouseTest {

    @TempDir
    Path dir;

    @Test
    void draftsWithTheUndecidedFilledInLoadEveryFigureOfTheDemo() throws Exception {
        // given: the demo without its county platforms' and station registers' YAML
        Path config = copyDemo(dir);
        Path drafts = dir.resolve("drafts");
        for (String county : new String[] {"430481", "431322"}) {
            // when
            discover(config, "--source", county + "-county-platform", "--out", drafts.toString());
            discover(config, "--file", "data/" + county + "/register/persons-2023.csv,data/" + county
                    + "/register/walkins-2023.csv,data/" + county + "/register/services-2023.csv", "--id", county
                    + "-station-register", "--region", county, "--out", drafts.toString());
            Files.delete(config.resolve("sources/" + county + "/" + county + "-county-platform.yml"));
            Files.delete(config.resolve("sources/" + county + "/" + county + "-station-register.yml"));

            // then: the drafts say what they saw
            String platform = Files.readString(drafts.resolve(county + "-county-platform.yml"));
            assertThat(platform).contains("  - entity: person\n    table: jy_ry\n    updated-at: gxsj\n    key: xh\n",
                    "      id_number: sfzh\n", "      person_id_number: sfzh\n", "      employer_credit_code: dwdm\n",
                    "  username: ${TODO_DB_USER}");
            String register = Files.readString(drafts.resolve(county + "-station-register.yml"));
            assertThat(register).contains("file: {encoding: GBK, delimiter: \",\", header-row: 2}",
                    "    path: data/" + county + "/register/walkins-2023.csv   # walkins-*.csv would read next year's file too\n"
                            + "    key: 序号\n", "      id_number: 身份证号\n");
            assertThat(register).doesNotContain("persons-2023.csv   # persons-*.csv would read next year's file too\n    key:");
            Files.copy(drafts.resolve(county + "-station-register.yml"), config.resolve("sources/" + county + "/draft-register.yml"));
        }
        Files.copy(drafts.resolve("430481-county-platform.yml"), config.resolve("sources/430481/draft-platform.yml"));
        Files.copy(drafts.resolve("431322-county-platform.yml"), config.resolve("sources/431322/draft-platform.yml"));
        assertThatThrownBy(() -> ConfigLoader.withSystemEnvironment().load(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TODO_DB_USER");

        // when: a person fills in what discover could not know
        for (String county : new String[] {"430481", "431322"}) {
            fill(config.resolve("sources/" + county + "/draft-platform.yml"), Map.of(
                    "${TODO_DB_USER}", "${COUNTY_DB_USER:sa}", "${TODO_DB_PASSWORD}", "${COUNTY_DB_PASSWORD:}",
                    "priority: 50", "priority: 10",
                    "    # constants: {channel: TODO}", "    constants: {channel: county_platform}  #"));
            fill(config.resolve("sources/" + county + "/draft-register.yml"), Map.of("priority: 50", "priority: 30",
                    "    # constants: {channel: TODO}", "    constants: {channel: station}  #"));
        }
        migrator.migrate();
        Printed night = nightlyCommand(config, "2023-12-31");

        // then
        assertThat(night.exit()).as(night.text()).isZero();
        assertThat(new TruthCheck(jdbc, TruthCheck.read(Path.of("src/test/resources/demo-truth.json"))).differences(1))
                .isEmpty();
        assertThat(WarehouseSnapshot.plainPersonalData(Files.readString(drafts.resolve("430481-station-register.yml"))))
                .isEmpty();
    }

    @Test
    void columnsItCannotPlaceAreListedWithMaskedSamplesAndAnUnclearFileGetsATodoEntity() throws Exception {
        // given: a UTF-8 ledger, tab-separated, with English headers and a column of phones under a name nobody uses
        Files.writeString(dir.resolve("ledger.tsv"), "certNo\trealName\tcontact_x\tremark\n"
                + "430481199710023356\t汪志杰\t13712348228\t老客户\n11010519491231002X\t张三\t13812345678\t\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("odd.csv"), "甲,乙\n1,2\n", StandardCharsets.UTF_8);

        // when
        String ledger = discover(dir, "--file", "ledger.tsv");
        String odd = discover(dir, "--file", "odd.csv");

        // then
        assertThat(ledger).contains("file: {encoding: UTF-8, delimiter: \"\\\\t\", header-row: 1}", "  - entity: person\n",
                "      id_number: certNo\n", "      name: realName\n", "      phone: contact_x\n",
                "      # ?: remark    # e.g. [老客户]");
        assertThat(WarehouseSnapshot.plainPersonalData(ledger)).isEmpty();
        assertThat(odd).contains("entity: person        # TODO: guessed; which entity?", "# ?: 甲    # e.g. [1]");
    }

    private static String discover(Path config, String... options) {
        Map<String, String> map = new HashMap<>(Map.of("config-dir", config.toString()));
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i].substring(2), options[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = DiscoverCommand.run(new CommandLine("discover", map), new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }

    private static void fill(Path file, Map<String, String> replacements) throws Exception {
        String text = Files.readString(file);
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            assertThat(text).as(file + " has " + r.getKey()).contains(r.getKey());
            text = text.replace(r.getKey(), r.getValue());
        }
        Files.writeString(file, text);
    }
}
