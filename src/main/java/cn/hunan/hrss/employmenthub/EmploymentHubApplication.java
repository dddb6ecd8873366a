package cn.hunan.hrss.employmenthub;

import cn.hunan.hrss.employmenthub.operations.AuditCommand;
import cn.hunan.hrss.employmenthub.operations.CheckConfigCommand;
import cn.hunan.hrss.employmenthub.operations.Cli;
import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.operations.MartsCommand;
import cn.hunan.hrss.employmenthub.operations.MatchCommand;
import cn.hunan.hrss.employmenthub.operations.NightlyCommand;
import cn.hunan.hrss.employmenthub.operations.PreviewCommand;
import cn.hunan.hrss.employmenthub.operations.ReprocessCommand;
import cn.hunan.hrss.employmenthub.operations.RotateKeyCommand;
import cn.hunan.hrss.employmenthub.operations.RulesCommand;
import cn.hunan.hrss.employmenthub.operations.ServeCommand;
import cn.hunan.hrss.employmenthub.operations.StatusCommand;
import cn.hunan.hrss.employmenthub.operations.Tool;
import cn.hunan.hrss.employmenthub.operations.Tools;
import cn.hunan.hrss.employmenthub.operations.WorkerCommand;
import cn.hunan.hrss.employmenthub.operations.api.HashPassword;
import cn.hunan.hrss.employmenthub.operations.discover.DiscoverCommand;
import cn.hunan.hrss.employmenthub.source.config.ConfigException;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLock;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLockedException;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar employment-hub.jar COMMAND [--option=value ...]}. Commands that need no warehouse
 * (help, check-config, generate) run without starting Spring; the others start it with the warehouse
 * chosen by {@code WAREHOUSE_JDBC_URL} (else the embedded H2 file database).
 */
@SpringBootApplication
public class EmploymentHubApplication {

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        try {
            return dispatch(Cli.parse(args), out);
        } catch (CommandLine.UsageException e) {
            out.println("usage error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            out.println(e.getMessage());
            out.println("FAILED: jobs-config has " + e.problems().size() + " problem(s); nothing was run");
            return ExitCodes.CONFIG;
        } catch (WarehouseLockedException e) {
            out.println("LOCKED: " + e.getMessage() + "; nothing was done");
            return ExitCodes.LOCKED;
        } catch (RuntimeException e) {
            return failed(e, out);
        }
    }

    private static int dispatch(CommandLine cl, PrintStream out) {
        if (cl.command().equals("help") || cl.wantsHelp()) {
            out.println(Cli.usage(cl.command().equals("help") ? cl.option("command").orElse(null) : cl.command()));
            return ExitCodes.OK;
        }
        Optional<Tool> tool = Tools.find(cl);
        if (tool.isPresent()) {
            return tool.get().needsWarehouse() ? withContext(ctx -> tool.get().run(cl, out, ctx)) : withoutContext(tool.get(), cl, out);
        }
        return switch (cl.command()) {
            case "check-config" -> CheckConfigCommand.run(cl, out);
            case "discover" -> DiscoverCommand.run(cl, out);
            case "preview" -> PreviewCommand.run(cl, CheckConfigCommand.load(cl, out), out);
            case "nightly" -> {
                JobsConfig config = CheckConfigCommand.load(cl, out);
                yield withContext(ctx -> ctx.getBean(NightlyCommand.class).run(cl, config, out), extract(config));
            }
            case "reprocess" -> {
                JobsConfig config = CheckConfigCommand.load(cl, out);
                yield withContext(ctx -> ctx.getBean(ReprocessCommand.class).run(cl, config, out), extract(config));
            }
            case "serve" -> {
                JobsConfig config = CheckConfigCommand.load(cl, out);
                List<String> properties = new ArrayList<>(List.of("--spring.main.web-application-type=servlet",
                        "--hub.config-dir=" + config.dir()));
                properties.addAll(config.defaults().extractProperties());
                yield withContext(ctx -> ctx.getBean(ServeCommand.class).run(config.dir(), out), properties.toArray(String[]::new));
            }
            case "worker" -> withContext(ctx -> ctx.getBean(WorkerCommand.class).run(ctx, out), "--hub.worker.enabled=true",
                    "--hub.worker.threads=" + cl.intOption("threads", 1));
            case "hash-password" -> HashPassword.run(cl, out);
            case "rules" -> RulesCommand.run(cl, out);
            case "audit" -> withContext(ctx -> ctx.getBean(AuditCommand.class).run(cl, out));
            case "marts" -> withLockedContext(cl, ctx -> ctx.getBean(MartsCommand.class).rebuild(cl, out));
            case "recover" -> withLockedContext(cl, ctx -> ctx.getBean(StatusCommand.class).recover(reason(cl), out));
            case "report" -> withContext(ctx -> ctx.getBean(MartsCommand.class).report(cl, out));
            case "matches" -> withContext(ctx -> ctx.getBean(MatchCommand.class).list(cl, out));
            case "split" -> withLockedContext(cl, ctx -> ctx.getBean(MatchCommand.class).split(cl, out));
            case "accept" -> withLockedContext(cl, ctx -> ctx.getBean(MatchCommand.class).accept(cl, out));
            case "rotate-key" -> withLockedContext(cl, ctx -> ctx.getBean(RotateKeyCommand.class).run(reason(cl), out));
            case "history" -> withContext(ctx -> ctx.getBean(StatusCommand.class).history(cl.intOption("limit", 50), out));
            case "status" -> withContext(ctx -> ctx.getBean(StatusCommand.class).run(out));
            default -> throw new CommandLine.UsageException("unknown command '" + cl.command() + "' (commands: "
                    + String.join(", ", Cli.commands()) + ", help)");
        };
    }

    private static String reason(CommandLine cl) {
        return cl.option("reason").orElse(null);
    }

    private static String[] extract(JobsConfig config) {
        return config.defaults().extractProperties().toArray(String[]::new);
    }

    /** A failure no command handled: the embedded warehouse in use, or the root cause in one masked line. */
    private static int failed(RuntimeException e, PrintStream out) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).strip().lines().findFirst().orElse("");
        if (message.contains("Database may be already in use") || message.contains("The file is locked")) {
            out.println("LOCKED: the embedded warehouse is in use by another process; nothing was done");
            return ExitCodes.LOCKED;
        }
        out.println("FAILED: " + root.getClass().getSimpleName() + ": " + PiiMasker.mask(message));
        return ExitCodes.FAILED;
    }

    private static int withoutContext(Tool tool, CommandLine cl, PrintStream out) {
        try {
            return tool.run(cl, out, null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    interface ContextCommand {
        int run(ConfigurableApplicationContext ctx) throws Exception;
    }

    /** Runs a command that changes the warehouse: under the warehouse lock, on a migrated warehouse. */
    private static int withLockedContext(CommandLine cl, ContextCommand command) {
        return withContext(ctx -> {
            WarehouseLock lock = ctx.getBean(WarehouseLock.class);
            try (WarehouseLock.Held held = lock.acquire(String.join(" ", cl.command(), cl.options().keySet().stream()
                    .map(k -> "--" + k).collect(java.util.stream.Collectors.joining(" "))).strip())) {
                ctx.getBean(WarehouseMigrator.class).migrate();
                lock.recordHolder();
                return command.run(ctx);
            }
        });
    }

    private static int withContext(ContextCommand command, String... properties) {
        SpringApplication app = new SpringApplication(EmploymentHubApplication.class);
        try (ConfigurableApplicationContext ctx = app.run(properties)) {
            return command.run(ctx);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
