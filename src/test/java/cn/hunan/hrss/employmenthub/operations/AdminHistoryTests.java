package cn.hunan.hrss.employmenthub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.quality.AuditQueries;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Who did what and why: reruns, splits and configuration changes are recorded, listed and shown in the audit. */
class AdminHistoryTests extends H2WarehouseTest {

    private static final String SOURCE = "430481-station-register";

    @TempDir
    Path dir;
    @Autowired
    MatchCommand matches;
    @Autowired
    StatusCommand status;
    @Autowired
    AuditQueries audit;

    @Test
    void aRerunAfterAConfigChangeAndASplitAreRecordedWithTheirReasonsAndShownInTheAudit() throws Exception {
        // given: a first night; its configuration is only noted
        Path config = copyDemo(dir);
        assertThat(nightlyCommand(config, "2023-12-31").exit()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_admin_action", Long.class)).isZero();

        // when: the defaults change, the night is rerun with a reason, and a merge is split with one
        Files.writeString(config.resolve("defaults.yml"), Files.readString(config.resolve("defaults.yml"))
                .replace("park-days: 7", "park-days: 8"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = nightly.run(new CommandLine("nightly", Map.of("date", "2023-12-31", "rerun", "true", "reason",
                "耒阳市 resent its register")), ConfigLoader.withSystemEnvironment().load(config), print(out));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        String merged = jdbc.queryForObject("SELECT MIN(source_key) FROM wh_match_evidence WHERE source_id = ? AND "
                + "decision = 'merged'", String.class, SOURCE);
        assertThat(matches.split(new CommandLine("split", Map.of("source", SOURCE, "key", merged, "reason",
                "different person: the officer confirmed by phone 13812345678")), print(out))).isZero();

        // then
        ByteArrayOutputStream history = new ByteArrayOutputStream();
        assertThat(status.history(10, print(history))).isZero();
        String listed = history.toString(StandardCharsets.UTF_8);
        String user = System.getProperty("user.name");
        assertThat(listed.lines().skip(1).toList()).hasSize(4);
        assertThat(listed).contains("split ", "source=" + SOURCE + " key=" + merged,
                        "why: different person: the officer confirmed by phone 138****5678")
                .contains("rerun ", "date=2023-12-31 / why: 耒阳市 resent its register / exit 0, COMPLETED")
                .contains("startup  config-change", "changed defaults.yml").contains(user)
                .doesNotContain("13812345678").endsWith("OK: 3 action(s)\n");
        assertThat(jdbc.queryForObject("SELECT run_id FROM etl_admin_action WHERE action = 'rerun'", Long.class)).isEqualTo(2);

        Path report = AuditCommand.write(audit.load(2), Files.createDirectories(dir.resolve("audit")));
        assertThat(Files.readString(report)).contains("<table id=\"actions\">", "耒阳市 resent its register", "config-change");
        assertThat(Files.readAllLines(report.resolveSibling("actions.csv"))).anySatisfy(l -> assertThat(l).contains(",rerun,"))
                .anySatisfy(l -> assertThat(l).contains(",config-change,"));
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
