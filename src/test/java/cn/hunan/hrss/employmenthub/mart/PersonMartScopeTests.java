package cn.hunan.hrss.employmenthub.mart;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A night that changes a few persons rebuilds their "311" rows (etl_mart_scope_person), wherever they moved, instead of
 * every person of the counties it touched, and the marts equal a full rebuild.
 */
class PersonMartScopeTests extends H2WarehouseTest {

    private static final String CHANGED = "431322";
    private static final String OTHER = "430481";

    @TempDir
    Path dir;
    @Autowired
    MartRefresher marts;

    @Test
    void aNightRebuildsThe311RowsOfThePersonsItChangedAndEqualsAFullRebuild() throws Exception {
        // given: the demo, loaded; a person of 新化县 the platform has not marked as employment difficulty, and one who is
        Path config = copyDemo(dir);
        migrator.migrate();
        night(config, LocalDate.of(2023, 12, 31));
        String person = "SELECT x.source_key FROM wh_xref x JOIN wh_person p ON p.match_key = x.match_key WHERE x.entity = "
                + "'person' AND x.source_id = '" + CHANGED + "-county-platform' AND p.categories ";
        String becomesDifficulty = jdbc.queryForList(person + "NOT LIKE '%,difficulty,%' ORDER BY x.source_key", String.class)
                .get(0);
        String moves = "1"; // 梁静, employment difficulty, of 新化县 (jobs-config/data/431322/county-db.sql)
        long rowsInOtherCountiesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM mart_311_person WHERE county_code <> ?",
                Long.class, CHANGED);

        // when: the next day the platform marks the first as employment difficulty and records one more job
        // recommendation for a person it served, and a station of 耒阳市 registers the second as living there (the
        // stations' residence outranks the platforms')
        Files.write(config.resolve("data/" + OTHER + "/register/persons-2024-01.csv"), ("耒阳市补录登记表,,,,,,,,,\r\n"
                + "序号,姓名,性别,身份证号,联系电话,文化程度,人员类别,居住地代码,登记日期,登记站点\r\n"
                + "1,梁静,女,43132219801210802X,19875298684,初中,就业困难人员,430481001001,2023-02-27,430481-ZD0001\r\n")
                .getBytes(Charset.forName("GBK")));
        Files.writeString(config.resolve("data/" + CHANGED + "/county-db.sql"), "UPDATE jy_ry SET rylb = '就业困难人员', "
                + "gxsj = '2024-01-01 08:00:00' WHERE xh = " + becomesDifficulty + ";\nINSERT INTO jy_fw (fwbh, sfzh, zdbm, gh, fwlx, fwrq, "
                + "gxsj) SELECT 999999, sfzh, zdbm, gh, '岗位推荐', DATE '2023-12-30', TIMESTAMP '2024-01-01 08:00:00' FROM jy_fw "
                + "WHERE fwbh = 1;\n", StandardOpenOption.APPEND);
        JobExecution second = night(config, LocalDate.of(2024, 1, 1));
        assertThat(second.getExitStatus().getExitCode()).as(second.getExitStatus().getExitDescription()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT SUM(read_count) FROM etl_reconciliation WHERE run_id = ?", Long.class,
                second.getJobInstance().getInstanceId())).as("the two persons and the service").isEqualTo(3);

        // then: the first is counted now, the second in 耒阳市, and the incremental marts equal a full rebuild
        String key = "SELECT p.id_number_hash FROM wh_xref x JOIN wh_person p ON p.match_key = x.match_key WHERE x.entity = "
                + "'person' AND x.source_id = '" + CHANGED + "-county-platform' AND x.source_key = ?";
        assertThat(jdbc.queryForList("SELECT county_code FROM mart_311_person WHERE person_key = (" + key + ")", String.class,
                becomesDifficulty)).as(jdbc.queryForList("SELECT p.categories, p.county_code, p.registered_on, p.updated_run_id, "
                + "p.src_source_id FROM wh_xref x JOIN wh_person p ON p.match_key = x.match_key WHERE x.entity = 'person' AND "
                + "x.source_id = '" + CHANGED + "-county-platform' AND x.source_key = ?", becomesDifficulty).toString())
                .isNotEmpty().containsOnly(CHANGED);
        assertThat(jdbc.queryForList("SELECT county_code FROM mart_311_person WHERE person_key = (" + key + ")", String.class,
                moves)).as(jdbc.queryForList("SELECT p.county_code, p.residence_region, p.updated_run_id FROM wh_xref x JOIN "
                + "wh_person p ON p.match_key = x.match_key WHERE x.entity = 'person' AND x.source_id = '" + CHANGED
                + "-county-platform' AND x.source_key = ?", moves).toString()).isNotEmpty().containsOnly(OTHER);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mart_311_person WHERE county_code <> ?", Long.class, CHANGED))
                .isGreaterThan(rowsInOtherCountiesBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_mart_scope_person", Long.class)).as("scopes are forgotten")
                .isZero();
        long run = second.getJobInstance().getInstanceId();
        marts.scopeAfter(run);
        List<String> scoped = jdbc.queryForList("SELECT person_key FROM etl_mart_scope_person WHERE scope_id = ?", String.class,
                run);
        assertThat(scoped).as("the night's persons, not every person of its counties").hasSizeBetween(2, 3)
                .contains(jdbc.queryForObject(key, String.class, becomesDifficulty), jdbc.queryForObject(key, String.class, moves));
        assertThat(jdbc.queryForList("SELECT county_code FROM etl_mart_scope WHERE scope_id = ?", String.class, run))
                .contains(CHANGED, OTHER);
        marts.endScope(run);
        List<String> all = WarehouseSnapshot.tables(jdbc, "mart_");
        all.remove("mart_data_quality");
        Map<String, String> incremental = WarehouseSnapshot.of(jdbc, all);
        marts.rebuildAll();
        assertThat(WarehouseSnapshot.of(jdbc, all)).isEqualTo(incremental);
    }
}
