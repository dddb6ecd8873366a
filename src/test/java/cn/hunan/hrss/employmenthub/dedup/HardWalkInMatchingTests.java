package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.TruthCheck;
import cn.hunan.hrss.employmenthub.testkit.evaluation.MatchEvaluation;
import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Matching on the generator's hard walk-ins ({@code generate --hard-walk-ins}): two or three mistakes at once, a birth
 * date wrong while the phone is missing or transposed among them, and decoys that share a name and village, a name and
 * birth date, or a phone with a real person. Measured by mistake combination.
 */
class HardWalkInMatchingTests extends H2WarehouseTest {

    @TempDir
    Path dir;
    @Autowired
    MatchEvaluation evaluation;

    @Test
    void walkInsWithTwoWrongFieldsAreFoundAndNoDecoyIsMerged() throws Exception {
        // given: 3 counties, 15,000 persons, hard walk-ins
        GenerateCommand.generate(dir, 3, 15_000, 99, null, new GenerateCommand.Extras(false, false, false, true));
        JsonNode truth = TruthCheck.read(dir.resolve("truth.json"));
        migrator.migrate();

        // when
        assertThat(night(dir.resolve("jobs-config"), LocalDate.parse(truth.get("run_date").asText())).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        // then
        MatchEvaluation.Result r = evaluation.evaluate(truth.get("fuzzy_persons"));
        System.out.print(r.table());
        System.out.println(r.summary());
        assertThat(r.expected()).isGreaterThanOrEqualTo(1000);
        assertThat(r.records() - r.expected()).as("decoys").isGreaterThanOrEqualTo(300);
        assertThat(r.byMistakes().entrySet().stream().filter(e -> e.getKey().startsWith("decoy"))
                .mapToLong(e -> e.getValue().wrong).sum()).as("decoys merged").isZero();
        assertThat(r.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(r.recall()).isGreaterThanOrEqualTo(0.97);
    }
}
