package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.source.MappingProbe;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.ConfigProblem;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code check-config [--connect]}: loads and checks jobs-config, prints what it found; the nightly run does the same
 * first. With {@code --connect}, also checks every mapping against the live files and databases.
 */
public final class CheckConfigCommand {

    private CheckConfigCommand() {
    }

    public static int run(CommandLine cl, PrintStream out) {
        JobsConfig config = load(cl, out);
        if (cl.options().containsKey("connect")) {
            List<ConfigProblem> problems = MappingProbe.check(config, config.defaults().today(java.time.Clock.systemUTC()));
            problems.forEach(p -> out.println(PiiMasker.mask(p.toString())));
            if (!problems.isEmpty()) {
                out.println("FAILED: " + problems.size() + " mapping problem(s) found against the live sources");
                return ExitCodes.CONFIG;
            }
            out.println("every mapped column was found in the live sources");
        }
        for (SourceDefinition s : config.sources()) {
            out.printf("  %-34s %-5s region %-6s priority %3d %-8s %s%n", s.id(), s.kind().name().toLowerCase(), s.region(),
                    s.priorityOrDefault(), s.isEnabled() ? "enabled" : "disabled",
                    s.entities().stream().map(e -> e.entity()).distinct().toList());
        }
        out.println("OK: " + config.sources().size() + " source system(s) in " + config.dir());
        return ExitCodes.OK;
    }

    /** Loads jobs-config, printing warnings; throws {@code ConfigException} on any problem. */
    public static JobsConfig load(CommandLine cl, PrintStream out) {
        JobsConfig config = ConfigLoader.withSystemEnvironment().load(Path.of(cl.option("config-dir", "jobs-config")));
        for (ConfigProblem w : config.warnings()) {
            out.println("warning: " + w);
        }
        return config;
    }
}
