package cn.hunan.hrss.employmenthub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.TruthCheck;
import cn.hunan.hrss.employmenthub.testkit.evaluation.MatchEvaluation;
import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/** Matching measured against the generator's truth: generate, run the night, evaluate the fuzzy persons. */
abstract class MatchingMeasurement extends H2WarehouseTest {

    @Autowired
    MatchEvaluation evaluation;

    /** Generates 3 counties of {@code persons} (seed 99) into {@code dir}, runs their night, returns the truth. */
    JsonNode night(Path dir, int persons, GenerateCommand.Extras extras) throws Exception {
        GenerateCommand.generate(dir, 3, persons, 99, null, extras);
        JsonNode truth = TruthCheck.read(dir.resolve("truth.json"));
        migrator.migrate();
        assertThat(night(dir.resolve("jobs-config"), LocalDate.parse(truth.get("run_date").asText())).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        return truth;
    }

    /** The evaluation of the night's matching, printed with its table and misses. */
    MatchEvaluation.Result measured(JsonNode truth) {
        MatchEvaluation.Result r = evaluation.evaluate(truth.get("fuzzy_persons"));
        System.out.print(r.table());
        System.out.print(r.blockTable());
        System.out.println(r.summary());
        r.misses().forEach(m -> System.out.println("  " + m));
        return r;
    }
}
