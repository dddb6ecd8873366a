package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.mart.HeadlineReport;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A person who becomes an employment-difficulty person gets a second history row; reports as of a date follow it. */
class PersonHistoryTests extends H2WarehouseTest {

    @TempDir
    Path dir;
    @Autowired
    HeadlineReport report;

    @Test
    void aChangedCategoryOpensANewHistoryRowAndAsOfReportsFollowIt() throws Exception {
        // given: the demo, loaded on 2023-12-31
        Path config = copyDemo(dir);
        migrator.migrate();
        night(config, LocalDate.of(2023, 12, 31));
        long persons = jdbc.queryForObject("SELECT COUNT(*) FROM wh_person", Long.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person_history", Long.class)).isEqualTo(persons);
        String before = difficulty(LocalDate.of(2023, 12, 31));

        // when: on 2024-01-01 the county platform marks one more person as an employment-difficulty person
        Files.writeString(config.resolve("data/430481/county-db.sql"), "UPDATE jy_ry SET rylb = '就业困难人员', "
                + "gxsj = '2024-01-01 08:00:00' WHERE xh = (SELECT MIN(xh) FROM jy_ry WHERE rylb NOT LIKE '%就业困难人员%');\n",
                StandardOpenOption.APPEND);
        night(config, LocalDate.of(2024, 1, 1));

        // then: that person has two rows, the old one closed the day the new one opens
        List<Map<String, Object>> changed = jdbc.queryForList("SELECT valid_from, valid_to, categories FROM wh_person_history "
                + "WHERE person_key IN (SELECT person_key FROM wh_person_history GROUP BY person_key HAVING COUNT(*) > 1) "
                + "ORDER BY valid_from");
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0).get("VALID_TO").toString()).isEqualTo("2024-01-01");
        assertThat(changed.get(1).get("VALID_FROM").toString()).isEqualTo("2024-01-01");
        assertThat(changed.get(1).get("VALID_TO")).isNull();
        assertThat((String) changed.get(1).get("CATEGORIES")).isEqualTo(",difficulty,");
        assertThat(difficulty(LocalDate.of(2023, 12, 31))).isEqualTo(before);
        assertThat(Long.parseLong(difficulty(LocalDate.of(2024, 1, 1)))).isEqualTo(Long.parseLong(before) + 1);

        // and the same night again writes no history
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM wh_person_history", Long.class);
        night(config, LocalDate.of(2024, 1, 1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person_history", Long.class)).isEqualTo(rows);
    }

    private String difficulty(LocalDate asOf) {
        return report.lines(2023, asOf).stream().filter(l -> l.key().equals("difficulty_persons")).findFirst().orElseThrow()
                .value();
    }
}
