package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which execution of the nightly job a command runs. A run is identified by what it does: its business date
 * (and which reading of that date it is: 0 for the night itself, 1, 2... for each {@code --rerun}) are the job
 * instance's identifying parameters, and the run id is the instance id. So:
 * <ul>
 *   <li>a date never run starts a new run;</li>
 *   <li>a date whose run failed or was stopped restarts that run: Spring Batch skips the steps and partitions
 *   that completed, and the others resume from what they committed;</li>
 *   <li>a date whose run completed is not run again, unless a rerun is asked for, which reads the sources again
 *   as a new run of that date.</li>
 * </ul>
 * A run that fails of a transient database error (deadlock, lost connection) is restarted at once, a few times
 * with a growing pause: restarting resumes from the last commit, which is the one retry that is always right
 * (a deadlock rolls back the whole transaction, so retrying one statement inside it would not be).
 */
@Component
public class NightLauncher {

    public static final String DATE = "date";
    public static final String RERUN = "rerun";
    public static final String CONFIG_DIR = "configDir";
    /** A reprocess's sources (comma-separated ids) and entity: non-identifying, carried into restarts. */
    public static final String SCOPE_SOURCES = "scopeSources";
    public static final String SCOPE_ENTITY = "scopeEntity";
    private static final Logger log = LoggerFactory.getLogger(NightLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final int retries;
    private final Duration backoff;

    public NightLauncher(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob,
                         @Value("${hub.run.transient-retries:3}") int retries,
                         @Value("${hub.run.transient-backoff:PT5S}") Duration backoff) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.retries = retries;
        this.backoff = backoff;
    }

    /** What a launch did: the execution it ran, or the completed one it left alone. */
    public record Launch(JobExecution execution, boolean alreadyCompleted, boolean restarted) {
    }

    /** The last execution of the latest run of a date, or null when the date was never run. */
    public JobExecution lastExecution(LocalDate date) {
        JobInstance latest = null;
        for (long k = 0; ; k++) {
            JobInstance i = jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, identity(date, k));
            if (i == null) {
                break;
            }
            latest = i;
        }
        return latest == null ? null : jobRepository.getLastJobExecution(latest);
    }

    /**
     * Runs the night of {@code date}: starts it, restarts it, or, when it completed, leaves it (or reruns it when
     * {@code rerun}). The caller holds the warehouse lock and has recovered dead runs.
     */
    public Launch launch(JobsConfig config, LocalDate date, boolean rerun) throws Exception {
        JobExecution last = lastExecution(date);
        JobExecution execution;
        boolean restarted = false;
        if (last == null) {
            execution = jobOperator.start(nightlyJob, parameters(date, 0, config));
        } else if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
            if (!rerun) {
                return new Launch(last, true, false);
            }
            long next = last.getJobParameters().getLong(RERUN, 0L) + 1;
            execution = jobOperator.start(nightlyJob, parameters(date, next, config));
        } else if (last.getStatus().isRunning()) {
            throw new IllegalStateException("run " + last.getJobInstance().getInstanceId() + " for " + date
                    + " is marked running by a live process");
        } else {
            log.info("run {} for {} ended {}: restarting it", last.getJobInstance().getInstanceId(), date, last.getStatus());
            execution = restart(last);
            restarted = true;
        }
        return withRetries(execution, restarted);
    }

    /**
     * Reprocesses the night of {@code date} for a scope: a new run of that date (the next {@code rerun}) that reads
     * only the sources {@code sources} (comma-separated), only {@code entity} of them when it is not null. The caller
     * has made those sources forget what they had read, and holds the warehouse lock.
     */
    public Launch reprocess(JobsConfig config, LocalDate date, String sources, String entity) throws Exception {
        JobExecution last = lastExecution(date);
        long next = last == null ? 0 : last.getJobParameters().getLong(RERUN, 0L) + 1;
        JobParametersBuilder parameters = new JobParametersBuilder(parameters(date, next, config))
                .addString(SCOPE_SOURCES, sources, false);
        if (entity != null) {
            parameters.addString(SCOPE_ENTITY, entity, false);
        }
        return withRetries(jobOperator.start(nightlyJob, parameters.toJobParameters()), false);
    }

    private Launch withRetries(JobExecution first, boolean restartedAlready) throws Exception {
        JobExecution execution = first;
        boolean restarted = restartedAlready;
        Duration pause = backoff;
        for (int attempt = 1; attempt <= retries && execution.getStatus() == BatchStatus.FAILED && transient_(execution); attempt++) {
            log.warn("run {} failed of a transient database error; restart {} of {} in {} s",
                    execution.getJobInstance().getInstanceId(), attempt, retries, pause.toSeconds());
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2);
            execution = restart(execution);
            restarted = true;
        }
        return new Launch(execution, false, restarted);
    }

    /**
     * Restarts a failed or stopped run: a new execution of the same job instance with the same parameters, which
     * Spring Batch resumes from what the earlier executions committed.
     */
    private JobExecution restart(JobExecution last) throws Exception {
        return jobOperator.start(nightlyJob, last.getJobParameters());
    }

    static JobParameters identity(LocalDate date, long rerun) {
        return new JobParametersBuilder().addLocalDate(DATE, date).addLong(RERUN, rerun).toJobParameters();
    }

    private static JobParameters parameters(LocalDate date, long rerun, JobsConfig config) {
        return new JobParametersBuilder(identity(date, rerun))
                .addString(CONFIG_DIR, config.dir().toString(), false)
                .toJobParameters();
    }

    private static boolean transient_(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().anyMatch(NightLauncher::isTransient);
    }

    static boolean isTransient(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TransientDataAccessException || c instanceof RecoverableDataAccessException
                    || c instanceof SQLTransientException || c instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
