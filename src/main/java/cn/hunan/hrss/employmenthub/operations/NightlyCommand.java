package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.job.NightlyJobConfiguration;
import cn.hunan.hrss.employmenthub.quality.Reconciler;
import cn.hunan.hrss.employmenthub.quality.SummaryTable;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.warehouse.KeyGuard;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/** {@code nightly}: migrates the warehouse, runs the nightly job for a date and prints its summary. */
@Component
public class NightlyCommand {

    private final JobOperator jobOperator;
    private final Job nightlyJob;
    private final WarehouseMigrator migrator;
    private final Reconciler reconciler;

    private final KeyGuard keys;

    public NightlyCommand(JobOperator jobOperator, Job nightlyJob, WarehouseMigrator migrator, Reconciler reconciler,
                          KeyGuard keys) {
        this.jobOperator = jobOperator;
        this.nightlyJob = nightlyJob;
        this.migrator = migrator;
        this.reconciler = reconciler;
        this.keys = keys;
    }

    public int run(CommandLine cl, JobsConfig config, PrintStream out) throws Exception {
        LocalDate date = parseDate(cl.option("date", LocalDate.now().minusDays(1).toString()));
        java.util.Optional<String> keyProblem = keys.demoKeyProblem();
        if (keyProblem.isEmpty()) {
            migrator.migrate();
            keyProblem = keys.problem();
        }
        if (keyProblem.isPresent()) {
            out.println("FAILED: " + keyProblem.get());
            return ExitCodes.FAILED;
        }
        JobExecution execution = launch(config, date);
        long runId = execution.getJobInstance().getInstanceId();
        out.println();
        out.println("run " + runId + " for " + date + ": " + execution.getStatus());
        out.print(SummaryTable.format(reconciler.load(runId)));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String why = execution.getAllFailureExceptions().stream().map(NightlyCommand::rootMessage).findFirst()
                    .orElse(execution.getExitStatus().getExitDescription());
            out.println("FAILED: run " + runId + ": " + why);
            return ExitCodes.FAILED;
        }
        if (NightlyJobConfiguration.PARTIAL.equals(execution.getExitStatus().getExitCode())) {
            out.println("PARTIAL: run " + runId + ": " + execution.getExitStatus().getExitDescription());
            return ExitCodes.PARTIAL;
        }
        out.println("OK: run " + runId + " succeeded");
        return ExitCodes.OK;
    }

    /** Launches a new run of the nightly job; each launch is a new job instance (its run id). */
    public JobExecution launch(JobsConfig config, LocalDate date) throws Exception {
        JobParameters params = new JobParametersBuilder()
                .addLocalDate("date", date)
                .addLong("launch", System.currentTimeMillis())
                .addString("configDir", config.dir().toString(), false)
                .toJobParameters();
        return jobOperator.start(nightlyJob, params);
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
