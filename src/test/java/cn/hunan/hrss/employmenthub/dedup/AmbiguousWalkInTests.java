package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Hand-written, apart from the generator: two identified persons of one name and birth date in one village, and
 * walk-ins of that name and birth date without a phone. Whichever model decides, such a walk-in could be either and
 * is never merged: it waits for review, saying there is a rival. A walk-in whose phone tells them apart is merged by
 * the weight model (the points model leaves it for review too).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AmbiguousWalkInTests extends H2WarehouseTest {

    private static final String VILLAGE = "430481001001";

    @TempDir
    Path config;


    @Test
    void aWalkInThatCouldBeEitherOfTwoPersonsGoesToReviewUnderTheWeightModel() throws Exception {
        night("park-days: 7\n");

        // then: the phone-less walk-in waits for review with a rival; the one with a phone joins that person
        Map<String, Object> ambiguous = evidence("W1");
        assertThat(ambiguous.get("decision")).isEqualTo("review");
        assertThat((String) ambiguous.get("evidence")).startsWith("rival candidate; name=exact(");
        assertThat(((Number) ambiguous.get("probability")).doubleValue()).isGreaterThanOrEqualTo(0.5);
        assertThat(personOf("W1")).isNull();
        Map<String, Object> clear = evidence("W2");
        assertThat(clear.get("decision")).isEqualTo("merged");
        assertThat((String) clear.get("evidence")).contains("phone=equal(+").contains("prior(");
        assertThat(((Number) clear.get("probability")).doubleValue()).isGreaterThanOrEqualTo(0.999);
        assertThat(clear.get("blocks")).isEqualTo("birth+county,name+birth,name+county,phone,village+birth-year");
        assertThat(personOf("W2")).isEqualTo("139****2222");

        // and: the night kept the model it decided with, from the configured m and u (too few pairs to estimate)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_match_weight", Long.class)).isEqualTo(16);
        assertThat(jdbc.queryForObject("SELECT MAX(origin) FROM etl_match_weight", String.class))
                .startsWith("configured m (only ").endsWith("u from configuration");
        assertThat(jdbc.queryForObject("SELECT weight FROM etl_match_weight WHERE comparison = 'phone' AND comparison_level = "
                + "'equal'", Double.class)).isCloseTo(MatchModel.log2(0.75 / 0.0001), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(jdbc.queryForList("SELECT CONCAT(block, '=', pairs) FROM etl_match_block ORDER BY block", String.class))
                .containsExactly("birth+county=4", "name+birth=4", "name+county=4", "phone=1", "phone-transposed=0",
                        "village+birth-year=4");
    }

    @Test
    void underThePointsModelTheSameWalkInAlsoWaitsForReview() throws Exception {
        night("matching: {model: points}\n");

        Map<String, Object> ambiguous = evidence("W1");
        assertThat(ambiguous.get("decision")).isEqualTo("review");
        assertThat(ambiguous.get("evidence")).isEqualTo("rival candidate; name=exact(+4) birth=equal(+4) county=same(+1) "
                + "household=same-village(+2)");
        assertThat(ambiguous.get("probability")).isNull();
        // and: the walk-in with a phone waits too, where the weight model merged it: the other 张伟's different phone
        // costs only 2 points, and 9 is a rival at auto-merge 8
        Map<String, Object> clear = evidence("W2");
        assertThat(clear.get("decision")).isEqualTo("review");
        assertThat(clear.get("score")).isEqualTo(15);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_match_weight", Long.class)).isZero();
    }

    private void night(String defaults) throws Exception {
        WalkInStation.configure(config, defaults);
        write(config, "data/persons.csv", "name,id,phone,household,registered\n"
                + "张伟," + idNumber("430481", "19900506", "011") + ",13807341111," + VILLAGE + ",2023-01-01\n"
                + "张伟," + idNumber("430481", "19900506", "012") + ",13907342222," + VILLAGE + ",2023-01-01\n");
        write(config, "data/walkins.csv", "ref,name,birth,phone,household,registered\n"
                + "W1,张伟,1990-05-06,," + VILLAGE + ",2023-06-01\n"
                + "W2,张伟,1990-05-06,13907342222," + VILLAGE + ",2023-06-01\n");
        migrator.migrate();
        Printed night = nightlyCommand(config, "2023-12-01");
        assertThat(night.exit()).as(night.text()).isZero();
    }

    private Map<String, Object> evidence(String key) {
        return jdbc.queryForMap("SELECT decision, score, evidence, probability, blocks FROM wh_match_evidence WHERE source_key = ?", key);
    }

    /** The masked phone of the golden person a record was merged into, or null. */
    private String personOf(String key) {
        return jdbc.queryForList("SELECT p.phone_masked FROM wh_xref x JOIN wh_person p ON p.match_key = x.match_key "
                + "WHERE x.source_key = ?", String.class, key).stream().findFirst().orElse(null);
    }

}
