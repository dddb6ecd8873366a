package cn.hunan.hrss.employmenthub.testkit.evaluation;

import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.operations.Tool;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Path;
import org.springframework.context.ApplicationContext;

/**
 * {@code matches --truth=FILE [--limit=N]}: matching measured against a generated truth ({@code fuzzy_persons}): the
 * misses, the table by mistake combination where the truth names them ({@code generate --hard-walk-ins}), the
 * table by candidate block (pairs, true matches found, found by it alone), then precision and recall.
 */
public final class TruthTool implements Tool {

    @Override
    public boolean handles(CommandLine cl) {
        return cl.command().equals("matches") && cl.option("truth").isPresent();
    }

    @Override
    public boolean needsWarehouse() {
        return true;
    }

    @Override
    public int run(CommandLine cl, PrintStream out, ApplicationContext context) throws Exception {
        context.getBean(WarehouseMigrator.class).migrate();
        Path truthFile = Path.of(cl.option("truth").get());
        JsonNode fuzzy = new ObjectMapper().readTree(truthFile.toFile()).get("fuzzy_persons");
        if (fuzzy == null) {
            out.println("FAILED: " + truthFile + " lists no fuzzy_persons (write it with generate)");
            return ExitCodes.FAILED;
        }
        MatchEvaluation.Result r = context.getBean(MatchEvaluation.class).evaluate(fuzzy);
        r.misses().stream().limit(cl.intOption("limit", 20)).forEach(m -> out.println("  " + m));
        if (!r.byMistakes().isEmpty()) {
            out.print(r.table());
        }
        if (!r.byBlock().isEmpty()) {
            out.print(r.blockTable());
        }
        out.println(r.summary());
        return ExitCodes.OK;
    }
}
