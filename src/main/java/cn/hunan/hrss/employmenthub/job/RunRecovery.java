package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.warehouse.RunBookkeeping;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Finds runs whose process died (kill -9, power loss): their execution still says STARTED although nobody holds
 * the warehouse lock. Called by a process that holds the lock, so no live process can be running them; each is
 * marked FAILED through Spring Batch's recovery API, which makes it restartable, and its run row says so.
 */
@Component
public class RunRecovery {

    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final RunBookkeeping bookkeeping;

    public RunRecovery(JobRepository jobRepository, JobOperator jobOperator, RunBookkeeping bookkeeping) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.bookkeeping = bookkeeping;
    }

    /** The mark Spring Batch's {@code JobOperator.recover} leaves in a recovered execution's context. */
    static final String RECOVERED = "batch.recovered";

    /** Recovers every dead run; the caller must hold the warehouse lock. Returns one line per run recovered. */
    public List<String> recoverDead() {
        List<String> recovered = new ArrayList<>();
        List<JobExecution> dead = new ArrayList<>(jobRepository.findRunningJobExecutions(NightlyJobConfiguration.JOB_NAME));
        dead.sort(Comparator.comparing(JobExecution::getId));
        for (JobExecution execution : dead) {
            long runId = execution.getJobInstance().getInstanceId();
            String where = execution.getStepExecutions().stream().filter(s -> s.getStatus().isRunning())
                    .map(s -> s.getStepName()).sorted().findFirst().orElse("start");
            // a restart copies the job's execution context, so an execution that restarted a recovered one carries
            // the earlier recovery's mark, and the operator would take it as recovered already and leave it STARTED
            execution.getExecutionContext().remove(RECOVERED);
            jobOperator.recover(execution);
            // the operator marks the execution recovered in memory; keep the mark, for status to show
            jobRepository.updateExecutionContext(execution);
            String message = "the process running it died during " + where + " (execution " + execution.getId()
                    + ", started " + time(execution.getStartTime()) + "); recovered " + time(LocalDateTime.now())
                    + ": run 'nightly --date=" + execution.getJobParameters().getLocalDate(NightLauncher.DATE)
                    + "' finishes it";
            bookkeeping.finish(runId, "FAILED", message);
            log.warn("run {}: {}", runId, message);
            recovered.add("run " + runId + ": " + message);
        }
        return recovered;
    }

    private static String time(LocalDateTime t) {
        return t == null ? "-" : t.withNano(0).toString().replace('T', ' ');
    }
}
