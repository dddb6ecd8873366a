package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.operations.DryRun;
import cn.hunan.hrss.employmenthub.operations.ReprocessCommand;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.support.MariaDbWarehouseTest;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code reprocess --dry-run} on MariaDB: every warehouse table's checksum is the same after it; the real reprocess
 * then changes exactly what the preview listed, table by table.
 */
class DryRunOnMariaDbTests extends MariaDbWarehouseTest {

    private static final String COUNTY = "430481-county-platform";

    @Autowired
    DryRun dryRun;
    @Autowired
    ReprocessCommand reprocess;

    @Test
    void aDryRunWritesNothingAndTheRealReprocessChangesExactlyWhatItPreviewed() throws Exception {
        // given: a night, then a county correction in place (no newer update time) and a register line fixed
        Path configDir = copyDemo(Path.of("target", "dry-run"));
        assertThat(nightlyCommand(configDir, "2023-12-31").exit()).isZero();
        Path script = configDir.resolve("data/430481/county-db.sql");
        Files.writeString(script, Files.readString(script).replace("'430481117235', '430481117235', '初中', '就业困难人员'",
                "'430481117235', '430481117235', '大专', '就业困难人员'"));
        JobsConfig config = ConfigLoader.withSystemEnvironment().load(configDir);
        ReprocessCommand.Scope scope = reprocess.scope(Map.of("county", "430481"), config);
        AdminLog.Actor actor = new AdminLog.Actor("李工", "cli");
        var everything = WarehouseSnapshot.tables(jdbc, "wh_", "mart_", "stg_", "landing", "quarantine", "dq_", "etl_", "batch_",
                "flyway");
        Map<String, String> before = WarehouseSnapshot.of(jdbc, everything);

        // when: the dry run
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DryRun.Preview preview = dryRun.preview(config, scope, actor, "county 耒阳市 corrected its registers",
                new PrintStream(out, true, StandardCharsets.UTF_8));

        // then: nothing written
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(preview.exit()).as(printed).isZero();
        assertThat(WarehouseSnapshot.of(jdbc, everything)).isEqualTo(before);
        assertThat(printed).contains("DRY RUN: nothing was written", "wh_person", "golden rows whose attributes would change: ");
        assertThat(preview.changed()).containsKeys("wh_person", "etl_run", "etl_reconciliation", "etl_admin_action");
        assertThat(preview.changed().get("wh_person").updated()).isEqualTo(1);

        // when: the real one, compared with a copy taken just before it
        Map<String, WarehouseDiff.TableChange> applied;
        try (ScratchCopy copy = ScratchCopy.of(jdbc.getDataSource(), url(DATABASE), user(), password())) {
            int exit = reprocess.apply(config, scope, actor, "county 耒阳市 corrected its registers",
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(exit).isZero();
            try (Connection was = copy.connect(); Connection is = jdbc.getDataSource().getConnection()) {
                applied = WarehouseDiff.diff(was, is).stream().filter(WarehouseDiff.TableChange::changed)
                        .collect(Collectors.toMap(WarehouseDiff.TableChange::table, c -> c, (a, b) -> a,
                                java.util.LinkedHashMap::new));
            }
        }

        // then: the same tables, the same inserts, updates and deletes
        assertThat(counts(applied)).isEqualTo(counts(preview.changed()));
    }

    private static Map<String, String> counts(Map<String, WarehouseDiff.TableChange> changes) {
        return changes.values().stream().collect(Collectors.toMap(WarehouseDiff.TableChange::table,
                c -> "+" + c.inserted() + " ~" + c.updated() + " -" + c.deleted(), (a, b) -> a, java.util.TreeMap::new));
    }
}
