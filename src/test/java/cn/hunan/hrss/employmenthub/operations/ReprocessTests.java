package cn.hunan.hrss.employmenthub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A county corrected rows in place without touching their update time: a night never sees it; a reprocess of that
 * source and entity reads them all again, loads the correction, leaves the rest unchanged and says who and why.
 */
class ReprocessTests extends H2WarehouseTest {

    private static final String COUNTY = "430481-county-platform";

    @TempDir
    Path dir;
    @Autowired
    ReprocessCommand reprocess;

    @Test
    void aReprocessReadsTheScopeAgainAsARunOfItsOwnAndRecordsWhyAndByWhom() throws Exception {
        // given: the first night, then a correction the county made without changing gxsj
        Path configDir = copyDemo(dir);
        assertThat(nightlyCommand(configDir, "2023-12-31").exit()).isZero();
        Path script = configDir.resolve("data/430481/county-db.sql");
        String before = Files.readString(script);
        String corrected = before.replace("(2, '邱伟伟', '430481200108251212', '男', '2001-08-25', '13527823404', '430481117235', "
                + "'430481117235', '初中'", "(2, '邱伟伟', '430481200108251212', '男', '2001-08-25', '13527823404', '430481117235', "
                + "'430481117235', '大专'");
        assertThat(corrected).isNotEqualTo(before);
        Files.writeString(script, corrected);
        String watermark = watermark();
        assertThat(nightlyCommand(configDir, "2023-12-31", "rerun").exit()).isZero();
        assertThat(education()).as("a night does not see a change without a newer update time").isEqualTo("70");

        // when
        JobsConfig config = ConfigLoader.withSystemEnvironment().load(configDir);
        ReprocessCommand.Scope scope = reprocess.scope(Map.of("source", COUNTY, "entity", "person"), config);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = reprocess.apply(config, scope, new cn.hunan.hrss.employmenthub.warehouse.AdminLog.Actor("王科长", "cli"),
                "county re-keyed education without touching gxsj", new PrintStream(out, true, StandardCharsets.UTF_8));

        // then
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(education()).isEqualTo("30");
        Map<String, Object> read = jdbc.queryForMap("SELECT read_count, updated_count, unchanged_count, quarantined_count "
                + "FROM etl_reconciliation WHERE run_id = 3 AND source_id = ? AND entity = 'person'", COUNTY);
        assertThat(read).containsEntry("READ_COUNT", 180L).containsEntry("UPDATED_COUNT", 1L)
                .containsEntry("UNCHANGED_COUNT", 176L).containsEntry("QUARANTINED_COUNT", 3L);
        assertThat(jdbc.queryForObject("SELECT SUM(read_count) FROM etl_reconciliation WHERE run_id = 3", Long.class))
                .as("nothing outside the scope was read").isEqualTo(180L);
        assertThat(watermark()).as("the watermark is where it was").isEqualTo(watermark);
        assertThat(jdbc.queryForMap("SELECT actor, action, target, reason, run_id FROM etl_admin_action WHERE action = 'reprocess'"))
                .containsEntry("ACTOR", "王科长").containsEntry("TARGET", "sources=" + COUNTY + " entity=person dates=2023-12-31")
                .containsEntry("REASON", "county re-keyed education without touching gxsj").containsEntry("RUN_ID", 3L);
    }

    @Test
    void aFileThatIsGoneIsReadAgainFromTheEncryptedLandingArea() throws Exception {
        // given: the first night, then the register's persons file is archived away
        Path configDir = copyDemo(dir);
        assertThat(nightlyCommand(configDir, "2023-12-31").exit()).isZero();
        String register = "430481-station-register";
        String file = "data/430481/register/persons-2023.csv";
        Files.delete(configDir.resolve(file));
        String landedBy = "SELECT MAX(run_id) FROM landing_record WHERE file_name = ?";
        long before = jdbc.queryForObject(landedBy, Long.class, file);

        // when
        JobsConfig config = ConfigLoader.withSystemEnvironment().load(configDir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = reprocess.apply(config, reprocess.scope(Map.of("source", register, "entity", "person"), config),
                new cn.hunan.hrss.employmenthub.warehouse.AdminLog.Actor("王科长", "cli"), "the walk-in register was wrong",
                new PrintStream(out, true, StandardCharsets.UTF_8));

        // then: every line of the gone file read again, quarantined ones under the same rules, nothing new
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        long after = jdbc.queryForObject(landedBy, Long.class, file);
        assertThat(after).isGreaterThan(before);
        String lines = "SELECT COUNT(*) FROM landing_record WHERE run_id = ? AND file_name = ?";
        assertThat(jdbc.queryForObject(lines, Long.class, after, file)).isPositive()
                .isEqualTo(jdbc.queryForObject(lines, Long.class, before, file));
        String rules = "SELECT rule_code FROM quarantine WHERE run_id = ? AND file_name = ? ORDER BY line_no, rule_code";
        assertThat(jdbc.queryForList(rules, String.class, after, file)).isNotEmpty()
                .isEqualTo(jdbc.queryForList(rules, String.class, before, file));
        assertThat(jdbc.queryForObject("SELECT SUM(new_count) FROM etl_reconciliation WHERE run_id = ?", Long.class, after))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_extract_log WHERE run_id = ? AND unit_label = ? AND "
                + "fingerprint IS NULL", Long.class, after, file)).as("read, and not remembered as a file").isOne();
    }

    @Test
    void aScopeMustNameOneKnownSourceOrCountyAnEntityItDeliversAndAWholeDateRange() throws Exception {
        Path configDir = copyDemo(dir);
        assertThat(nightlyCommand(configDir, "2023-12-31").exit()).isZero();
        JobsConfig config = ConfigLoader.withSystemEnvironment().load(configDir);

        assertThat(reprocess.scope(Map.of("county", "431322"), config).sources())
                .containsExactlyInAnyOrder("431322-county-platform", "431322-station-register", "431322-staff-register");
        assertThat(reprocess.scope(Map.of("county", "431322", "from", "2023-12-30", "to", "2024-01-01"), config).dates())
                .hasSize(3);
        for (Map<String, String> wrong : List.of(Map.of("source", COUNTY, "county", "430481"), Map.of("source", "nowhere"),
                Map.of("county", "430102"), Map.of("source", COUNTY, "entity", "gig_match"),
                Map.of("source", COUNTY, "from", "2023-12-31"), Map.of("source", COUNTY, "from", "2024-01-02", "to", "2024-01-01"))) {
            assertThatThrownBy(() -> reprocess.scope(wrong, config)).as(wrong.toString())
                    .isInstanceOf(CommandLine.UsageException.class);
        }
    }

    private String education() {
        return jdbc.queryForObject("SELECT p.education FROM wh_person p JOIN wh_xref x ON x.match_key = p.match_key "
                + "WHERE x.entity = 'person' AND x.source_id = ? AND x.source_key = '2'", String.class, COUNTY);
    }

    private String watermark() {
        return jdbc.queryForObject("SELECT watermark FROM etl_watermark WHERE source_id = ? AND entity = 'person'", String.class,
                COUNTY);
    }
}
