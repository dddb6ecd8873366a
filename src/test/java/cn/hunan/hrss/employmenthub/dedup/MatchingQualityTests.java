package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.testkit.evaluation.MatchEvaluation;
import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matching measured on a few hundred persons registered without an ID number, written with every mistake the
 * generator knows (typos, same-sounding characters, traditional characters, full-width digits, pinyin names,
 * swapped phone digits, no phone, a birth date digit off, and some combined), plus decoys sharing a real
 * person's name: the acceptance figures of pairwise precision and recall, and the distinct person count.
 */
class MatchingQualityTests extends MatchingMeasurement {

    @TempDir
    Path dir;

    @Test
    void personsWithoutIdNumberAreMatchedWithHighPrecisionAndRecall() throws Exception {
        // given, when: 3 counties, 15,000 persons, their night
        JsonNode truth = night(dir, 15_000, new GenerateCommand.Extras(false, false));

        // then
        MatchEvaluation.Result r = measured(truth);
        assertThat(r.expected()).isGreaterThanOrEqualTo(150);
        assertThat(r.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(r.recall()).isGreaterThanOrEqualTo(0.97);
        long distinct = truth.get("distinct").get("person").asLong();
        long persons = jdbc.queryForObject("SELECT COUNT(*) FROM wh_person", Long.class);
        assertThat(Math.abs(persons - distinct)).as("golden persons %d vs truth %d", persons, distinct)
                .isLessThanOrEqualTo(distinct / 200);
    }
}
