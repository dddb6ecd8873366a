package cn.hunan.hrss.employmenthub.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Onboarding systems whose layouts no other test uses, by writing YAML only: a county database with its own
 * schema and codes, and a semicolon-separated GB18030 register whose header sits on row 3.
 */
class OnboardingFunctionalTests extends H2WarehouseTest {

    @TempDir
    Path config;

    @Test
    void newLayoutsAreOnboardedByConfigurationAlone() throws Exception {
        // given: another vendor's county database...
        Files.createDirectories(config.resolve("sources/yongzhou"));
        Files.writeString(config.resolve("county.sql"), """
                CREATE TABLE t_jobseeker (seq INT, full_name VARCHAR(40), cert_no VARCHAR(20), sex CHAR(1), mobile_no VARCHAR(20),
                  edu VARCHAR(10), reg_dt VARCHAR(20), addr_code VARCHAR(12), last_modified TIMESTAMP);
                INSERT INTO t_jobseeker VALUES
                  (1, '周八', '11010519491231002X', 'F', '13800138010', 'BK', '2023/08/01', '431102001001', '2023-08-01 09:00:00'),
                  (2, '吴九', '110102199101010078', 'M', '0746-8223456', 'ZK', '2023/08/02', '431102', '2023-08-02 09:00:00'),
                  (3, '郑十', '110102199101010079', 'M', '13800138012', 'BK', '2023/08/03', '431102', '2023-08-03 09:00:00'),
                  (4, '冯一', '360426199101010071', 'X', '13800138013', 'BK', '2023/08/04', '431102', '2024-01-05 09:00:00');
                """);
        Files.writeString(config.resolve("sources/yongzhou/lingling-platform.yml"), """
                id: lingling-platform
                kind: jdbc
                region: "431102"
                priority: 10
                connection:
                  url: "jdbc:h2:mem:lingling;MODE=MySQL;INIT=RUNSCRIPT FROM '${CONFIG_DIR}/county.sql'"
                  username: sa
                  password: ${LINGLING_DB_PASSWORD:}
                date-formats: [yyyy/MM/dd]
                entities:
                  - entity: person
                    table: t_jobseeker
                    updated-at: last_modified
                    key: seq
                    columns: {name: full_name, id_number: cert_no, gender: sex, phone: mobile_no, education: edu,
                              registered_on: reg_dt, residence_region: addr_code}
                    values:
                      gender: {F: "2", M: "1"}
                      education: {BK: "20", ZK: "30"}
                """);
        // ...and a register in another layout and encoding
        Files.write(config.resolve("register.csv"), String.join("\r\n",
                "零陵区就业驿站", "登记人：张干事", "姓名;证件号码;手机;登记时间", "周八;11010519491231002X;138 0013 8010;2023-09-01",
                "陈二;150102198807303035;13800138014;2023-09-02", "").getBytes(Charset.forName("GB18030")));
        Files.writeString(config.resolve("sources/yongzhou/lingling-register.yml"), """
                id: lingling-register
                kind: csv
                region: "431102"
                priority: 30
                file: {encoding: GB18030, delimiter: ";", header-row: 3}
                entities:
                  - entity: person
                    path: register.csv
                    columns: {name: 姓名, id_number: 证件号码, phone: 手机, registered_on: 登记时间}
                """);
        JobsConfig jobs = ConfigLoader.withSystemEnvironment().load(config);
        migrator.migrate();

        // when
        JobExecution run = nightly.launch(jobs, LocalDate.of(2023, 12, 31));

        // then: three persons from the database (row 4 changed after the run date, row 3 fails its check digit),
        // one more from the register, 周八 merged
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long runId = run.getJobInstance().getInstanceId();
        assertThat(jdbc.queryForList("SELECT name, gender, education, county_code, phone_masked FROM wh_person ORDER BY name"))
                .extracting(r -> r.get("name") + "/" + r.get("gender") + "/" + r.get("education") + "/" + r.get("county_code")
                        + "/" + r.get("phone_masked"))
                .containsExactly("吴九/1/30/431102/074****3456", "周八/2/20/431102/138****8010", "陈二/1/null/431102/138****8014");
        assertThat(jdbc.queryForList("SELECT source_id, line_no, rule_code FROM quarantine WHERE run_id = ?", runId))
                .containsExactly(Map.of("source_id", "lingling-platform", "line_no", 3L, "rule_code", "ID_CHECK_DIGIT"));
        assertThat(jdbc.queryForList("SELECT source_id, read_count, new_count, merged_count FROM etl_reconciliation "
                + "WHERE run_id = ? ORDER BY source_id", runId)).containsExactly(
                Map.of("source_id", "lingling-platform", "read_count", 3L, "new_count", 2L, "merged_count", 0L),
                Map.of("source_id", "lingling-register", "read_count", 2L, "new_count", 1L, "merged_count", 1L));
        assertThat(jdbc.queryForObject("SELECT watermark FROM etl_watermark WHERE source_id = 'lingling-platform'",
                String.class)).isEqualTo("2023-08-03T09:00");
        assertThat(List.of(jdbc.queryForObject("SELECT COUNT(*) FROM wh_xref WHERE entity = 'person'", Long.class))).containsExactly(4L);
    }
}
