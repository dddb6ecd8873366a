package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.testkit.evaluation.MatchEvaluation;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.TruthCheck;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Matching measured on a few hundred persons registered without an ID number, written with every mistake the
 * generator knows (typos, same-sounding characters, traditional characters, full-width digits, pinyin names,
 * swapped phone digits, no phone, a birth date digit off, and some combined), plus decoys sharing a real
 * person's name: the acceptance figures of pairwise precision and recall, and the distinct person count.
 */
class MatchingQualityTests extends H2WarehouseTest {

    @TempDir
    Path dir;
    @Autowired
    MatchEvaluation evaluation;

    @Test
    void personsWithoutIdNumberAreMatchedWithHighPrecisionAndRecall() throws Exception {
        // given: 3 counties, 15,000 persons
        GenerateCommand.generate(dir, 3, 15_000, 99, null);
        JsonNode truth = TruthCheck.read(dir.resolve("truth.json"));
        migrator.migrate();

        // when
        assertThat(night(dir.resolve("jobs-config"), LocalDate.parse(truth.get("run_date").asText())).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        // then
        MatchEvaluation.Result r = evaluation.evaluate(truth.get("fuzzy_persons"));
        System.out.println(r.summary());
        r.misses().forEach(m -> System.out.println("  " + m));
        assertThat(r.expected()).isGreaterThanOrEqualTo(150);
        assertThat(r.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(r.recall()).isGreaterThanOrEqualTo(0.97);
        long distinct = truth.get("distinct").get("person").asLong();
        long persons = jdbc.queryForObject("SELECT COUNT(*) FROM wh_person", Long.class);
        assertThat(Math.abs(persons - distinct)).as("golden persons %d vs truth %d", persons, distinct)
                .isLessThanOrEqualTo(distinct / 200);
    }
}
