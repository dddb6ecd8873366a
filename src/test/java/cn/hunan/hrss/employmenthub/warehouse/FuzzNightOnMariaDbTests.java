package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import cn.hunan.hrss.employmenthub.operations.AuditCommand;
import cn.hunan.hrss.employmenthub.quality.AuditQueries;
import cn.hunan.hrss.employmenthub.support.MariaDbWarehouseTest;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

/**
 * The fuzz night on MariaDB: {@code generate --defects=fuzz} adds six hostile sources (GBK and UTF-8 CSV, NDJSON, a
 * JSON array, XLSX, a database table on the same server) with more than 10,000 hostile records. The night must not
 * crash; exactly the records the truth names are quarantined, each at its file and line with its rule; the others load
 * as new persons; every source reconciles, from the source's own count; the files cut off or broken are not
 * remembered; and no input ID number or phone is in clear in any table, log line or audit file.
 */
@ExtendWith(OutputCaptureExtension.class)
class FuzzNightOnMariaDbTests extends MariaDbWarehouseTest {

    private static final String SOURCES = "hub_fuzz_" + ProcessHandle.current().pid();

    @Autowired
    AuditQueries audit;

    @AfterAll
    static void dropSources() throws Exception {
        execute("DROP DATABASE IF EXISTS " + SOURCES);
    }

    @Test
    @SuppressWarnings("unchecked")
    void hostileRecordsOfEveryKindAreQuarantinedByRuleAtTheirLinesAndTheGoodOnesLoad(CapturedOutput output) throws Exception {
        // given
        execute("DROP DATABASE IF EXISTS " + SOURCES, "CREATE DATABASE " + SOURCES + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        Path dir = Path.of("target", "fuzz-night");
        FileSystemUtils.deleteRecursively(dir);
        Map<String, Object> truth = GenerateCommand.generate(dir, 1, 200, 42, url(SOURCES), true);
        Map<String, Object> fuzz = (Map<String, Object>) truth.get("fuzz");
        assertThat(((Number) fuzz.get("hostile")).longValue()).isGreaterThanOrEqualTo(10_000);

        // when
        Printed run = nightlyCommand(dir.resolve("jobs-config"), "2023-12-31");

        // then: no crash, every source reconciled
        assertThat(run.exit()).as(run.text()).isZero();
        List<String> fuzzLines = run.text().lines().filter(l -> l.startsWith("fuzz-")).toList();
        assertThat(fuzzLines).hasSize(6).allSatisfy(l -> assertThat(l).endsWith(" ok"));

        // exactly the records the truth names are quarantined, at their lines, with their rules
        List<String> expected = new ArrayList<>();
        for (Map<String, Object> q : (List<Map<String, Object>>) fuzz.get("quarantined")) {
            expected.add(q.get("source_id") + " " + q.get("file") + ":" + q.get("line") + " " + q.get("rule"));
        }
        List<String> actual = jdbc.queryForList("SELECT CONCAT(source_id, ' ', file_name, ':', line_no, ' ', rule_code) "
                + "FROM quarantine WHERE source_id LIKE 'fuzz-%'", String.class);
        assertThat(actual).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);

        // the good ones load, each as a new person
        Map<String, Object> good = (Map<String, Object>) fuzz.get("good_by_source");
        for (Map.Entry<String, Object> g : good.entrySet()) {
            assertThat(jdbc.queryForObject("SELECT new_count FROM etl_reconciliation WHERE run_id = 1 AND source_id = ?",
                    Long.class, g.getKey())).as(g.getKey()).isEqualTo(((Number) g.getValue()).longValue());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person WHERE name LIKE ?", Long.class, "\uD842\uDFB7%"))
                .as("4-byte characters kept").isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person WHERE name LIKE '%DROP TABLE wh_person%'", Long.class))
                .as("an injection is only a strange name").isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person WHERE name LIKE CONCAT('%', CHAR(7), '%') "
                + "OR name LIKE CONCAT('%', CHAR(27), '%')", Long.class)).as("control characters stripped").isZero();

        // files cut off or broken as a whole are not remembered: their corrected versions will be read
        for (Object file : (List<Object>) fuzz.get("not_remembered")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_source_file WHERE file_name = ?", Long.class, file))
                    .as(file.toString()).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_source_file WHERE file_name = "
                + "'data/fuzz/csv-gbk/persons-a.csv'", Long.class)).isEqualTo(1);

        // no input ID number or phone in clear: tables, log, audit report
        assertThat(WarehouseSnapshot.plainPersonalData(output.getAll())).isEmpty();
        assertThat(WarehouseSnapshot.plainPersonalData(jdbc, WarehouseSnapshot.tables(jdbc, "wh_", "stg_", "landing",
                "quarantine", "dq_", "etl_", "mart_", "batch_"))).isEmpty();
        Path report = AuditCommand.write(audit.load(1), Files.createDirectories(dir.resolve("audit")));
        assertThat(Files.readAllLines(report.resolveSibling("units.csv"))).as("the audit shows each unit's own count")
                .contains("1,fuzz-csv-gbk,person,data/fuzz/csv-gbk/persons-cut.csv,22,21,0,no",
                        "1,fuzz-csv-gbk,person,data/fuzz/csv-gbk/persons-dup.csv,,1,0,no",
                        "1,fuzz-jdbc,person,fuzz_ry,1000,1000,0,yes");
        try (Stream<Path> files = Files.walk(report.getParent())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(WarehouseSnapshot.plainPersonalData(Files.readString(f, StandardCharsets.UTF_8))).as(f.toString())
                        .isEmpty();
            }
        }
    }
}
