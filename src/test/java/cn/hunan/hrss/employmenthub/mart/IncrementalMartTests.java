package cn.hunan.hrss.employmenthub.mart;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
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
 * A night that changes one county's records rebuilds only that county's mart rows, and the result equals a
 * full rebuild.
 */
class IncrementalMartTests extends H2WarehouseTest {

    private static final String CHANGED = "431322";
    private static final String UNTOUCHED = "430481";
    private static final List<String> COUNTY_MARTS = List.of("mart_unit_coverage", "mart_311_person", "mart_311_county",
            "mart_placement_month");

    @TempDir
    Path dir;
    @Autowired
    MartRefresher marts;

    @Test
    void changingOneCountyTouchesOnlyItsMartRowsAndEqualsAFullRebuild() throws Exception {
        // given: the demo, loaded
        Path config = copyDemo(dir);
        migrator.migrate();
        night(config, LocalDate.of(2023, 12, 31));
        Map<String, String> untouchedBefore = snapshot(UNTOUCHED);
        Map<String, String> changedBefore = snapshot(CHANGED);

        // when: the county platform of 新化县 corrects one placement's wage the next day
        Files.writeString(config.resolve("data/" + CHANGED + "/county-db.sql"),
                "UPDATE jy_jy SET gz = 8888, gxsj = '2024-01-01 08:00:00' WHERE jybh = 1;\n", StandardOpenOption.APPEND);
        JobExecution second = night(config, LocalDate.of(2024, 1, 1));

        // then: only that county was rebuilt, and only its rows changed
        assertThat(jdbc.queryForList("SELECT county_code FROM etl_touched_county WHERE run_id = ?", String.class,
                second.getJobInstance().getInstanceId())).containsExactly(CHANGED);
        assertThat(snapshot(UNTOUCHED)).isEqualTo(untouchedBefore);
        assertThat(snapshot(CHANGED).get("mart_placement_month")).isNotEqualTo(changedBefore.get("mart_placement_month"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mart_placement_month WHERE county_code = ? AND monthly_wage_median "
                + "IS NOT NULL", Long.class, CHANGED)).isPositive();

        // and a full rebuild gives the same marts
        List<String> all = WarehouseSnapshot.tables(jdbc, "mart_");
        all.remove("mart_data_quality");
        Map<String, String> incremental = WarehouseSnapshot.of(jdbc, all);
        marts.rebuildAll();
        assertThat(WarehouseSnapshot.of(jdbc, all)).isEqualTo(incremental);
    }

    private Map<String, String> snapshot(String county) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String mart : COUNTY_MARTS) {
            out.put(mart, jdbc.queryForList("SELECT * FROM " + mart + " WHERE county_code = ?", county).stream()
                    .map(Object::toString).sorted().toList().toString());
        }
        return out;
    }
}
