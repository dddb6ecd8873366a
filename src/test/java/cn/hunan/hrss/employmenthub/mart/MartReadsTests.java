package cn.hunan.hrss.employmenthub.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A mart file names the entities it reads ({@code -- reads: ...}), and a night's refresh runs it only when the night
 * changed one of them: a night that brought one placement rebuilds the placement mart, not the coverage of stations
 * and officers or the agencies', and the marts still equal a full rebuild.
 */
class MartReadsTests extends H2WarehouseTest {

    private static final String COUNTY = "431322";

    @TempDir
    Path dir;
    @Autowired
    MartRefresher marts;

    @Test
    void aNightThatBroughtOnePlacementRebuildsOnlyTheMartsThatReadPlacementsOrWhatItChanged() throws Exception {
        // given: the demo, loaded; a mark the refresh would wipe out in two marts that read neither placements nor persons
        Path config = copyDemo(dir);
        migrator.migrate();
        night(config, LocalDate.of(2023, 12, 31));
        String unit = jdbc.queryForObject("SELECT MIN(unit_code) FROM mart_unit_coverage WHERE county_code = ?", String.class,
                COUNTY);
        jdbc.update("UPDATE mart_unit_coverage SET officers = officers + 100 WHERE unit_code = ?", unit);
        jdbc.update("UPDATE mart_hr_agency_year SET persons_served = persons_served + 100");
        long placementsBefore = placementsOfDecember();

        // when: the county platform records one more placement, of a person it holds
        Files.writeString(config.resolve("data/" + COUNTY + "/county-db.sql"), "INSERT INTO jy_jy (jybh, sfzh, dwdm, dwmc, rzrq, "
                + "gz, xzzq, qd, jyxs, sbbz, jyd, gxsj) SELECT 999999, sfzh, dwdm, dwmc, DATE '2023-12-30', gz, xzzq, qd, jyxs, "
                + "sbbz, jyd, TIMESTAMP '2024-01-01 08:00:00' FROM jy_jy WHERE jybh = 1;\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        JobExecution second = night(config, LocalDate.of(2024, 1, 1));

        // then: the placement is counted, and the marts that read neither placements nor persons kept the mark
        assertThat(second.getExitStatus().getExitCode()).as(second.getExitStatus().getExitDescription()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT SUM(read_count) FROM etl_reconciliation WHERE run_id = ?", Long.class,
                second.getJobInstance().getInstanceId())).as("the one placement").isEqualTo(1);
        assertThat(placementsOfDecember()).isEqualTo(placementsBefore + 1);
        assertThat(jdbc.queryForObject("SELECT officers FROM mart_unit_coverage WHERE unit_code = ?", Integer.class, unit))
                .as("the coverage of stations and officers was not rebuilt").isGreaterThanOrEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT MIN(persons_served) FROM mart_hr_agency_year", Integer.class))
                .as("the agencies' mart was not rebuilt").isGreaterThanOrEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_mart_scope_entity", Long.class)).as("scopes are forgotten")
                .isZero();

        // and without the marks, what the night refreshed equals a full rebuild
        jdbc.update("UPDATE mart_unit_coverage SET officers = officers - 100 WHERE unit_code = ?", unit);
        jdbc.update("UPDATE mart_hr_agency_year SET persons_served = persons_served - 100");
        List<String> all = WarehouseSnapshot.tables(jdbc, "mart_");
        all.remove("mart_data_quality");
        Map<String, String> incremental = WarehouseSnapshot.of(jdbc, all);
        marts.rebuildAll();
        assertThat(WarehouseSnapshot.of(jdbc, all)).isEqualTo(incremental);
    }

    @Test
    void everyMartFileNamesEveryGoldenTableItReads() throws Exception {
        // an independent reading of each file's SQL: every wh_ table it mentions, but the reference wh_region
        Map<String, String> entityOfTable = new java.util.HashMap<>();
        Arrays.stream(EntityType.values()).forEach(e -> entityOfTable.put(e.goldenTable(), e.key()));
        Pattern table = Pattern.compile("\\b(wh_[a-z_]+)\\b");
        for (Path file : Files.list(Path.of("sql/marts")).sorted().toList()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.contains(MartRefresher.EVERY_NIGHT)) {
                continue;
            }
            Set<String> read = new TreeSet<>();
            Matcher m = table.matcher(text);
            while (m.find()) {
                if (!m.group(1).equals("wh_region")) {
                    assertThat(entityOfTable).as("%s reads %s", file, m.group(1)).containsKey(m.group(1));
                    read.add(entityOfTable.get(m.group(1)));
                }
            }
            assertThat(MartRefresher.reads(file.getFileName().toString(), text)).as(file.toString()).isEqualTo(read);
        }
    }

    @Test
    void aMartFileThatNamesNoEntityFailsNamingTheFileAndTheName() {
        assertThat(MartRefresher.reads("x.sql", "-- about\n-- reads: placement, person\nSELECT 1")).containsExactly("person",
                "placement");
        assertThat(MartRefresher.reads("x.sql", "SELECT 1")).isEmpty();
        assertThatThrownBy(() -> MartRefresher.reads("090_x.sql", "-- reads: placement, persons\n"))
                .hasMessageContaining("090_x.sql").hasMessageContaining("'persons'").hasMessageContaining("gig_match");
    }

    private long placementsOfDecember() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(placements), 0) FROM mart_placement_month WHERE county_code = ? AND "
                + "placement_year = 2023 AND placement_month = 12", Long.class, COUNTY);
    }
}
