package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written, apart from the generator: walk-ins whose name, birth date and county are all another person's, and
 * whose phone is an identified person's with two adjacent digits swapped. Only the transposed-phone block can find
 * that person: on the first night among the night's identified records, on the second among the golden persons.
 */
class TransposedPhoneBlockTests extends H2WarehouseTest {

    private static final String VILLAGE = "430481001001";
    private static final String ELSEWHERE = "430621100001";

    @TempDir
    Path config;

    @Test
    void aPhoneWithTwoDigitsSwappedFindsThePersonAmongTheNightsRecordsAndAmongTheGoldenOnes() throws Exception {
        // given: 李娜 with 13812345678; a walk-in with 13812345687 (the last two swapped), and nothing else in common
        WalkInStation.configure(config, "park-days: 7\n");
        write(config, "data/persons.csv", "name,id,phone,household,registered\n"
                + "李娜," + idNumber("430481", "19850312", "021") + ",13812345678," + VILLAGE + ",2023-01-01\n"
                + "赵强," + idNumber("430481", "19620101", "031") + ",13900001111," + VILLAGE + ",2023-01-01\n");
        write(config, "data/walkins.csv", "ref,name,birth,phone,household,registered\n"
                + "W1,王芳,1970-07-01,13812345687," + ELSEWHERE + ",2023-06-01\n");
        migrator.migrate();

        // when: the first night, where 李娜 is one of the night's own identified records
        night("2023-12-01");

        // then: that block found her, no other block found anyone, and a swapped phone alone merges nobody
        assertThat(blocks(1)).containsExactly("birth+county=0", "name+birth=0", "name+county=0", "phone=0", "phone-transposed=1",
                "village+birth-year=0");
        assertThat(outcomes(1)).containsExactly("W1=parked");

        // when: the second night brings another such walk-in (the two digits after 138 swapped); 李娜 is now golden
        write(config, "data/walkins.csv", "ref,name,birth,phone,household,registered\n"
                + "W1,王芳,1970-07-01,13812345687," + ELSEWHERE + ",2023-06-01\n"
                + "W2,刘洋,1955-02-02,13821345678," + ELSEWHERE + ",2023-06-02\n");
        night("2023-12-02");

        // then: the three open records (W1 parked, W1 read again, W2) each found the golden 李娜 through the block
        assertThat(blocks(2)).containsExactly("birth+county=0", "name+birth=0", "name+county=0", "phone=0", "phone-transposed=3",
                "village+birth-year=0");
        assertThat(outcomes(2)).containsExactly("W1=parked", "W1=parked", "W2=parked");
    }

    private void night(String date) throws Exception {
        Printed night = nightlyCommand(config, date);
        assertThat(night.exit()).as(night.text()).isZero();
    }

    private java.util.List<String> blocks(long run) {
        return jdbc.queryForList("SELECT CONCAT(block, '=', pairs) FROM etl_match_block WHERE run_id = ? ORDER BY block",
                String.class, run);
    }

    /** The night's outcomes of the walk-ins, as key=outcome. */
    private java.util.List<String> outcomes(long run) {
        return jdbc.queryForList("SELECT CONCAT(s.source_key, '=', o.outcome) FROM etl_outcome o JOIN stg_person s ON s.id = o.stg_id "
                + "WHERE o.run_id = ? AND s.source_key LIKE 'W%' ORDER BY 1", String.class, run);
    }
}
