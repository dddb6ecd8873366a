package cn.hunan.hrss.employmenthub.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.TruthCheck;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.jdbc.JdbcTestUtils;

/**
 * The whole nightly job on the embedded H2 warehouse with the bundled demo (jobs-config/): every figure of
 * the demo's truth, an idempotent rerun, and a full reprocess that changes no golden record.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:functional;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
class NightlyJobFunctionalTests {

    private static final Path DEMO = Path.of("jobs-config").toAbsolutePath();

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    Job nightlyJob;
    JobOperatorTestUtils jobOperatorTestUtils;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WarehouseMigrator migrator;

    @BeforeEach
    void setUp() {
        jobOperatorTestUtils = new JobOperatorTestUtils(jobOperator, jobRepository);
        jobOperatorTestUtils.setJob(nightlyJob);
    }

    @Test
    void demoNightMatchesTruthAndRerunsChangeNothing(CapturedOutput output) throws Exception {
        // given
        migrator.migrate();
        JsonNode truth = TruthCheck.read(Path.of("src/test/resources/demo-truth.json"));

        // when
        JobExecution first = launch(1);

        // then
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long runId = first.getJobInstance().getInstanceId();
        assertThat(new TruthCheck(jdbc, truth).differences(runId)).isEmpty();
        assertThat(JdbcTestUtils.countRowsInTable(jdbc, "wh_region")).isEqualTo(31_691);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_reconciliation WHERE run_id = ? AND read_count <> "
                + "new_count + updated_count + unchanged_count + merged_count + quarantined_count + parked_count + held_count", Long.class,
                runId)).isZero();
        List<String> warehouse = WarehouseSnapshot.warehouse(jdbc);
        // golden records and marts; not the matching evidence, which every reading of a walk-in record adds to
        List<String> golden = warehouse.stream().filter(t -> t.startsWith("wh_") || t.startsWith("mart_"))
                .filter(t -> !t.equals("wh_match_evidence")).toList();
        Map<String, String> before = WarehouseSnapshot.of(jdbc, warehouse);

        // when: the same night again, watermarks now cover everything
        JobExecution second = launch(2);

        // then
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT SUM(read_count) FROM etl_reconciliation WHERE run_id = ?", Long.class,
                second.getJobInstance().getInstanceId())).isZero();
        assertThat(WarehouseSnapshot.of(jdbc, warehouse)).isEqualTo(before);

        // when: every source is read again from scratch (a full reprocess)
        jdbc.update("DELETE FROM etl_watermark");
        jdbc.update("DELETE FROM etl_source_file");
        JobExecution third = launch(3);

        // then: everything read is unchanged, a merged duplicate, quarantined or parked again, and no golden or mart row moved
        long thirdRun = third.getJobInstance().getInstanceId();
        assertThat(third.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT SUM(new_count + updated_count) FROM etl_reconciliation WHERE run_id = ?",
                Long.class, thirdRun)).isZero();
        assertThat(jdbc.queryForObject("SELECT SUM(read_count) FROM etl_reconciliation WHERE run_id = ?", Long.class, thirdRun))
                .isEqualTo(truth.get("read").properties().stream().mapToLong(e -> e.getValue().asLong()).sum());
        Map<String, String> after = WarehouseSnapshot.of(jdbc, golden);
        before.keySet().retainAll(golden);
        assertThat(after).isEqualTo(before);

        // and no ID number or phone in plain text anywhere: tables or log
        assertThat(WarehouseSnapshot.plainPersonalData(jdbc, WarehouseSnapshot.tables(jdbc, "wh_", "stg_", "mart_",
                "landing", "quarantine", "etl_"))).isEmpty();
        assertThat(WarehouseSnapshot.plainPersonalData(output.getAll())).isEmpty();
    }

    private JobExecution launch(int night) throws Exception {
        JobParameters params = new JobParametersBuilder()
                .addLocalDate("date", LocalDate.of(2023, 12, 31))
                .addLong("launch", System.nanoTime() + night)
                .addString("configDir", DEMO.toString(), false)
                .toJobParameters();
        return jobOperatorTestUtils.startJob(params);
    }
}
