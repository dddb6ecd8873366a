package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.record.Rule;
import java.io.PrintStream;

/** {@code rules}: the rule catalogue, one rule a line. */
public final class RulesCommand {

    private RulesCommand() {
    }

    public static int run(CommandLine cl, PrintStream out) {
        out.printf("%-30s %-8s %-30s %s%n", "rule", "severity", "applies to", "meaning");
        for (Rule r : Rule.values()) {
            out.printf("%-30s %-8s %-30s %s%n", r.name(), r.severity().name().toLowerCase(), r.entities(), r.description());
        }
        return ExitCodes.OK;
    }
}
