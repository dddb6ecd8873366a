package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.testkit.evaluation.MatchEvaluation;
import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import cn.hunan.hrss.employmenthub.operations.NightlyCommand;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.support.TruthCheck;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The acceptance run on a real MySQL-family server: generate three counties, run the night, compare every
 * figure with truth.json, run the night again and find every warehouse table unchanged. Subclasses say
 * which server: the one named by {@code WAREHOUSE_TEST_JDBC_URL}, or a Testcontainers MySQL 8.4.
 */
@SpringBootTest(properties = {"hub.pii.key=dGVzdC1rZXktZm9yLXRoZS1teXNxbC1mYW1pbHktdGVzdHMtMDEyMzQ1Njc4OQ==",
    "hub.pii.match-key=dGVzdC1tYXRjaC1rZXktZm9yLXRoZS1teXNxbC1mYW1pbHktdGVzdHMtMDEyMzQ="})
@ExtendWith(OutputCaptureExtension.class)
abstract class NightlyOnMySqlFamilyTests {

    @Autowired
    NightlyCommand nightly;
    @Autowired
    WarehouseMigrator migrator;
    @Autowired
    JdbcTemplate jdbc;

    /** Where the generated county platform databases go; null for H2 script files. */
    String countyDatabaseUrl() throws Exception {
        return null;
    }

    @Test
    void generatedCountiesMatchTruthAndASecondNightChangesNothing(CapturedOutput output) throws Exception {
        // given
        // a fixed folder: random digits in a temporary folder's name would look like ID numbers in the log scan
        Path dir = Path.of("target", "mysql-family-" + getClass().getSimpleName());
        FileSystemUtils.deleteRecursively(dir);
        GenerateCommand.generate(dir, 3, 900, 42, countyDatabaseUrl());
        JsonNode truth = TruthCheck.read(dir.resolve("truth.json"));
        JobsConfig config = ConfigLoader.withSystemEnvironment().load(dir.resolve("jobs-config"));
        LocalDate date = LocalDate.parse(truth.get("run_date").asText());
        migrator.migrate();

        // when
        JobExecution first = nightly.launch(config, date);

        // then
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        TruthCheck check = new TruthCheck(jdbc, truth);
        assertThat(check.differences(first.getJobInstance().getInstanceId())).isEmpty();
        MatchEvaluation.Result quality = check.matchQuality();
        System.out.println(quality.summary());
        assertThat(quality.expected()).isPositive();
        assertThat(quality.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(quality.recall()).isGreaterThanOrEqualTo(0.97);
        // the generated defaults.yml ranks the online platform first for phones: wherever it gave a phone, the phone is its
        String onlinePhone = "SELECT 1 FROM stg_person s JOIN etl_outcome o ON o.stg_id = s.id AND o.entity = 'person' AND "
                + "o.outcome IN ('new', 'updated', 'unchanged', 'merged') WHERE s.match_key = a.match_key AND s.source_id = "
                + "'online-platform' AND s.phone_hash IS NOT NULL AND s.id_number_hash IS NOT NULL";
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_attribute_source a WHERE a.column_name = 'phone_hash' AND "
                + "a.source_id = 'online-platform'", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_attribute_source a WHERE a.column_name = 'phone_hash' AND "
                + "a.source_id <> 'online-platform' AND EXISTS (" + onlinePhone + ")", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_attribute_source a JOIN wh_person p ON p.match_key = "
                + "a.match_key JOIN stg_person s ON s.id = a.stg_id WHERE a.column_name = 'phone_hash' AND NOT (p.phone_hash = "
                + "s.phone_hash)", Long.class)).as("golden phone = its recorded source's").isZero();
        List<String> warehouse = WarehouseSnapshot.warehouse(jdbc);
        assertThat(warehouse).contains("wh_person", "wh_xref", "mart_311_county", "landing_record", "quarantine");
        Map<String, String> before = WarehouseSnapshot.of(jdbc, warehouse);

        // when
        JobExecution second = nightly.launch(config, date);

        // then
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(WarehouseSnapshot.of(jdbc, warehouse)).isEqualTo(before);
        assertThat(WarehouseSnapshot.plainPersonalData(output.getAll())).isEmpty();
        assertThat(WarehouseSnapshot.plainPersonalData(jdbc, WarehouseSnapshot.tables(jdbc, "wh_", "stg_", "landing",
                "quarantine"))).isEmpty();
    }
}
