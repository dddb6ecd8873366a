package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.job.GracefulStop;
import cn.hunan.hrss.employmenthub.job.NightLauncher;
import cn.hunan.hrss.employmenthub.job.NightlyJobConfiguration;
import cn.hunan.hrss.employmenthub.job.RunRecovery;
import cn.hunan.hrss.employmenthub.quality.Reconciler;
import cn.hunan.hrss.employmenthub.quality.SummaryTable;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import cn.hunan.hrss.employmenthub.warehouse.AdminLog;
import cn.hunan.hrss.employmenthub.warehouse.KeyGuard;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLock;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * {@code nightly [--date=D] [--rerun]}: under the warehouse lock, migrates the warehouse, recovers runs whose
 * process died, then starts, restarts or (with {@code --rerun}) reruns the night of D, and prints its summary.
 */
@Component
public class NightlyCommand {

    private final NightLauncher launcher;
    private final RunRecovery recovery;
    private final WarehouseLock lock;
    private final WarehouseMigrator migrator;
    private final Reconciler reconciler;
    private final KeyGuard keys;
    private final GracefulStop gracefulStop;

    public NightlyCommand(NightLauncher launcher, RunRecovery recovery, WarehouseLock lock, WarehouseMigrator migrator,
                          Reconciler reconciler, KeyGuard keys, GracefulStop gracefulStop, java.time.Clock clock,
                          AdminLog adminLog, RunMetrics metrics) {
        this.metrics = metrics;
        this.clock = clock;
        this.adminLog = adminLog;
        this.launcher = launcher;
        this.recovery = recovery;
        this.lock = lock;
        this.migrator = migrator;
        this.reconciler = reconciler;
        this.keys = keys;
        this.gracefulStop = gracefulStop;
    }

    private final java.time.Clock clock;
    private final AdminLog adminLog;
    private final RunMetrics metrics;

    public int run(CommandLine cl, JobsConfig config, PrintStream out) throws Exception {
        LocalDate date = parseDate(cl.option("date", config.defaults().yesterday(clock).toString()));
        return night(config, date, cl.options().containsKey("rerun"), AdminLog.Actor.commandLine(),
                cl.option("reason").orElse(null), out);
    }

    /**
     * Runs the night of {@code date} under the warehouse lock: starts it, resumes it, or (with {@code rerun}) runs it
     * again as a new run, which the admin log records with its reason. Configuration changes since the last start
     * are recorded first.
     */
    public int night(JobsConfig config, LocalDate date, boolean rerun, AdminLog.Actor actor, String reason, PrintStream out)
            throws Exception {
        return gracefulStop.guard(() -> {
            try (WarehouseLock.Held held = lock.acquire("nightly --date=" + date + (rerun ? " --rerun" : ""))) {
                Optional<String> keyProblem = prepare(out);
                if (keyProblem.isPresent()) {
                    out.println("FAILED: " + keyProblem.get());
                    return ExitCodes.FAILED;
                }
                adminLog.noticeConfig(config.dir(), actor);
                NightLauncher.Launch launch = launcher.launch(config, date, rerun);
                int exit = report(launch, date, out);
                if (rerun) {
                    adminLog.record(actor, "rerun", "date=" + date, reason, launch.execution().getJobInstance().getInstanceId(),
                            "exit " + exit + ", " + launch.execution().getExitStatus().getExitCode());
                }
                return exit;
            }
        });
    }

    /**
     * Runs the night of a date for tests and tools: starts or restarts it, or reruns it when it completed. Holds
     * the warehouse lock like the command.
     */
    public JobExecution launch(JobsConfig config, LocalDate date) throws Exception {
        try (WarehouseLock.Held held = lock.acquire("nightly --date=" + date + " --rerun")) {
            Optional<String> keyProblem = prepare(System.out);
            if (keyProblem.isPresent()) {
                throw new IllegalStateException(keyProblem.get());
            }
            return launcher.launch(config, date, true).execution();
        }
    }

    /** Checks the keys, migrates, records the lock holder and recovers dead runs; returns a key problem if any. */
    Optional<String> prepare(PrintStream out) {
        Optional<String> keyProblem = keys.demoKeyProblem();
        if (keyProblem.isPresent()) {
            return keyProblem;
        }
        migrator.migrate();
        lock.recordHolder();
        keyProblem = keys.problem();
        if (keyProblem.isEmpty()) {
            recovery.recoverDead().forEach(line -> out.println("recovered " + line));
        }
        return keyProblem;
    }

    int report(NightLauncher.Launch launch, LocalDate date, PrintStream out) {
        JobExecution execution = launch.execution();
        long runId = execution.getJobInstance().getInstanceId();
        if (launch.alreadyCompleted()) {
            out.println("run " + runId + " for " + date + " already completed at " + time(execution) + " (execution "
                    + execution.getId() + ", " + execution.getExitStatus().getExitCode() + "); nothing was read. "
                    + "Use --rerun to read the sources again as a new run of " + date + ".");
            out.println("OK: run " + runId + " for " + date + " is complete");
            return ExitCodes.OK;
        }
        metrics.recorded(execution);
        out.println();
        out.println("run " + runId + " for " + date + (launch.restarted() ? " (restarted)" : "") + ": "
                + execution.getStatus());
        out.print(SummaryTable.format(reconciler.load(runId)));
        if (execution.getStatus() == BatchStatus.STOPPED) {
            out.println("STOPPED: run " + runId + " stopped at a chunk boundary; run 'nightly --date=" + date
                    + "' to finish it");
            return ExitCodes.FAILED;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String why = execution.getAllFailureExceptions().stream().map(NightlyCommand::rootMessage).findFirst()
                    .orElse(execution.getExitStatus().getExitDescription());
            out.println("FAILED: run " + runId + ": " + PiiMasker.mask(why) + " (run 'nightly --date=" + date
                    + "' again to resume it)");
            return ExitCodes.FAILED;
        }
        if (NightlyJobConfiguration.PARTIAL.equals(execution.getExitStatus().getExitCode())) {
            out.println("PARTIAL: run " + runId + ": " + execution.getExitStatus().getExitDescription());
            return ExitCodes.PARTIAL;
        }
        out.println("OK: run " + runId + " succeeded");
        return ExitCodes.OK;
    }

    private static String time(JobExecution e) {
        return e.getEndTime() == null ? "-" : e.getEndTime().withNano(0).toString().replace('T', ' ');
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException("--date must be YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root.getMessage() + ")";
    }
}
