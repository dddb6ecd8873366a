package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.dedup.MatchReview;
import cn.hunan.hrss.employmenthub.warehouse.AdminLog;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code matches [--review] [--weights [--run=N]]} ({@code --truth=FILE} is the test kit's), {@code split --source=ID --key=KEY}, {@code accept --source=ID --key=KEY}: what
 * matching decided for persons registered without an ID number, and an administrator's corrections.
 */
@Component
public class MatchCommand {

    private final MatchReview review;
    private final WarehouseMigrator migrator;
    private final AdminLog adminLog;

    public MatchCommand(MatchReview review, WarehouseMigrator migrator, AdminLog adminLog) {
        this.review = review;
        this.migrator = migrator;
        this.adminLog = adminLog;
    }

    public int list(CommandLine cl, PrintStream out) throws IOException {
        migrator.migrate();
        if (cl.options().containsKey("weights")) {
            return weights(cl, out);
        }
        out.printf("%-6s %-28s %-10s %-8s %5s %-9s %-10s %-20s %-24s %s%n", "run", "source", "key", "decision", "score",
                "p(match)", "person", "id number", "found by", "evidence");
        for (Map<String, Object> e : review.evidence(cl.options().containsKey("review"), cl.intOption("limit", 50))) {
            out.printf("%-6s %-28s %-10s %-8s %5s %-9s %-10s %-20s %-24s %s%n", e.get("run_id"), e.get("source_id"),
                    e.get("source_key"), e.get("decision"), e.get("score"), probability(e.get("probability")), e.get("name"),
                    e.get("id_number_masked"), e.get("blocks") == null ? "" : e.get("blocks"), e.get("evidence"));
        }
        return ExitCodes.OK;
    }

    /** {@code matches --weights [--run=N]}: the match model a night decided with, and its blocks' candidate pairs. */
    private int weights(CommandLine cl, PrintStream out) {
        Long run = cl.option("run").map(Long::valueOf).orElse(null);
        List<Map<String, Object>> weights = review.weights(run);
        if (weights.isEmpty()) {
            out.println("no night kept a match model" + (run == null ? "" : " as run " + run)
                    + " (matching.model: points, or no record without an ID number to match)");
            return ExitCodes.OK;
        }
        out.println("run " + weights.get(0).get("run_id") + ": " + weights.get(0).get("origin"));
        out.printf("%-26s %10s %10s %8s%n", "comparison level", "m", "u", "weight");
        for (Map<String, Object> w : weights) {
            out.printf(Locale.ROOT, "%-26s %10.6f %10.6f %+8.1f%n", w.get("comparison") + "-" + w.get("comparison_level"),
                    ((Number) w.get("m")).doubleValue(), ((Number) w.get("u")).doubleValue(),
                    ((Number) w.get("weight")).doubleValue());
        }
        out.println("candidate pairs per block:");
        review.blocks(((Number) weights.get(0).get("run_id")).longValue()).forEach(b ->
                out.printf("  %-20s %10s%n", b.get("block"), b.get("pairs")));
        return ExitCodes.OK;
    }

    private static String probability(Object p) {
        return p == null ? "" : String.format(Locale.ROOT, "%.6f", ((Number) p).doubleValue());
    }

    public int split(CommandLine cl, PrintStream out) {
        migrator.migrate();
        int records = review.split(required(cl, "source"), required(cl, "key"));
        String outcome = records + " record(s) wait for matching again and will not join that person again";
        adminLog.record(AdminLog.Actor.commandLine(), "split", target(cl), cl.option("reason").orElse(null), null, outcome);
        out.println("OK: split; " + outcome);
        return ExitCodes.OK;
    }

    public int accept(CommandLine cl, PrintStream out) {
        migrator.migrate();
        review.accept(required(cl, "source"), required(cl, "key"));
        adminLog.record(AdminLog.Actor.commandLine(), "accept", target(cl), cl.option("reason").orElse(null), null,
                "the next night merges the record into the suggested person");
        out.println("OK: accepted; the next night merges the record into the suggested person");
        return ExitCodes.OK;
    }

    private static String target(CommandLine cl) {
        return "source=" + required(cl, "source") + " key=" + required(cl, "key");
    }

    private static String required(CommandLine cl, String option) {
        return cl.option(option).orElseThrow(() -> new CommandLine.UsageException("--" + option + " is required"));
    }
}
