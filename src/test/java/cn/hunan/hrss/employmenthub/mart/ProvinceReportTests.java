package cn.hunan.hrss.employmenthub.mart;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.TruthCheck;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** The calibrated province: one night over all 134 counties, and the report gives the seed article's figures. */
class ProvinceReportTests extends H2WarehouseTest {

    @TempDir
    Path dir;
    @Autowired
    HeadlineReport report;

    @Test
    void theCalibratedProvinceReproducesTheArticlesEnd2023Figures() throws Exception {
        // given
        GenerateCommand.generate(dir, 0, 1_340, 2023, null);
        migrator.migrate();

        // when
        JobExecution run = night(dir.resolve("jobs-config"), LocalDate.of(2023, 12, 31));

        // then
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> figures = report.lines(2023).stream()
                .collect(Collectors.toMap(HeadlineReport.Line::key, HeadlineReport.Line::value));
        assertThat(figures)
                .containsEntry("coverage_street", "425 / 426 = 99.8%")
                .containsEntry("coverage_township", "1522 / 1522 = 100.0%")
                .containsEntry("coverage_community", "5805 / 5805 = 100.0%")
                .containsEntry("coverage_village", "23594 / 23594 = 100.0%")
                .containsEntry("officers", "25000")
                .containsEntry("experts_provincial", "93")
                .containsEntry("specialists", "617")
                .containsEntry("key_enterprises", "2216")
                .containsEntry("recruits", "27600")
                .containsEntry("agencies", "2456")
                .containsEntry("agency_staff", "25000")
                .containsEntry("agency_revenue", "61.83")
                .containsEntry("agency_growth", "31.7%")
                .containsEntry("agency_served", "713.8");
        assertThat(new TruthCheck(jdbc, TruthCheck.read(dir.resolve("truth.json")))
                .differences(run.getJobInstance().getInstanceId())).isEmpty();
    }
}
