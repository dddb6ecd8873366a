package cn.hunan.hrss.employmenthub.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A gone file read again from the landing area page by page: every record in line order, across pages, decrypted as it
 * was received; a line unreadable then is unreadable again with its rule.
 */
class LandingCursorTests {

    @Test
    void readsEveryLandedRecordInLineOrderAcrossPages() throws Exception {
        // given: 2,500 landed records of one file (line 2 to 2501), line 700 unreadable when received
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:landing;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa", ""));
        jdbc.execute("CREATE TABLE landing_record (run_id BIGINT, source_id VARCHAR(64), entity VARCHAR(20), file_name VARCHAR(255), "
                + "line_no BIGINT, payload_enc VARCHAR(4000))");
        jdbc.execute("CREATE TABLE quarantine (run_id BIGINT, source_id VARCHAR(64), entity VARCHAR(20), file_name VARCHAR(255), "
                + "line_no BIGINT, rule_code VARCHAR(40))");
        PersonalData pii = new PersonalData("0123456789abcdef0123456789abcdef".getBytes(), false);
        List<Object[]> rows = new ArrayList<>();
        for (long line = 2501; line >= 2; line--) {
            String json = line == 700 ? "{\"" + SourceRecord.RAW_LINE + "\":\"7,\\\"broken\"}" : "{\"姓名\":\"人" + line + "\"}";
            rows.add(new Object[] {3L, "register", "person", "persons.csv", line, pii.encrypt(json)});
        }
        jdbc.batchUpdate("INSERT INTO landing_record VALUES (?,?,?,?,?,?)", rows);
        jdbc.update("INSERT INTO quarantine VALUES (3, 'register', 'person', 'persons.csv', 700, 'READ_CSV_MALFORMED')");

        // when
        List<SourceRecord> read = new ArrayList<>();
        LandingCursor cursor = new LandingCursor(jdbc, pii, "register", EntityType.PERSON, "persons.csv", 3);
        for (SourceRecord r = cursor.next(); r != null; r = cursor.next()) {
            read.add(r);
        }

        // then
        assertThat(read).hasSize(2500);
        assertThat(read).extracting(SourceRecord::line).isSorted().startsWith(2L).endsWith(2501L);
        assertThat(read.get(0).values()).containsEntry("姓名", "人2");
        assertThat(read.get(698).readError()).isEqualTo("READ_CSV_MALFORMED");
        assertThat(read.get(2499).values()).containsEntry("姓名", "人2501");
        assertThat(cursor.accounted()).isEqualTo(2500);
    }
}
