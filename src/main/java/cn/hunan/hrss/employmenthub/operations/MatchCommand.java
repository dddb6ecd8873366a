package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.dedup.MatchReview;
import cn.hunan.hrss.employmenthub.warehouse.AdminLog;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code matches [--review]} ({@code --truth=FILE} is the test kit's), {@code split --source=ID --key=KEY}, {@code accept --source=ID --key=KEY}: what
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
        out.printf("%-6s %-28s %-10s %-8s %5s %-10s %-20s %s%n", "run", "source", "key", "decision", "score", "person",
                "id number", "evidence");
        for (Map<String, Object> e : review.evidence(cl.options().containsKey("review"), cl.intOption("limit", 50))) {
            out.printf("%-6s %-28s %-10s %-8s %5s %-10s %-20s %s%n", e.get("run_id"), e.get("source_id"), e.get("source_key"),
                    e.get("decision"), e.get("score"), e.get("name"), e.get("id_number_masked"), e.get("evidence"));
        }
        return ExitCodes.OK;
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
