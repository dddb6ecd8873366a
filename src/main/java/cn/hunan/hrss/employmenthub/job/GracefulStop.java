package cn.hunan.hrss.employmenthub.job;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * SIGTERM (or any orderly shutdown) during a run stops the run the Spring Batch way: the execution is asked to
 * stop, every step ends at its next chunk or part boundary with what it committed, the run is STOPPED and
 * restartable. The application context, and with it the warehouse connections, closes only after that (this
 * lifecycle stops first), bounded by {@code hub.run.stop-timeout}.
 */
@Component
public class GracefulStop implements JobExecutionListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final JobOperator jobOperator;
    private final Duration timeout;
    private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();
    private final Object monitor = new Object();
    private volatile boolean started;
    private int busy;

    public GracefulStop(JobOperator jobOperator, @Value("${hub.run.stop-timeout:PT10M}") Duration timeout) {
        this.jobOperator = jobOperator;
        this.timeout = timeout;
    }

    /** Runs a command that launches jobs; a shutdown waits for it to finish printing, not only for its job. */
    public <T> T guard(Callable<T> command) throws Exception {
        synchronized (monitor) {
            busy++;
        }
        try {
            return command.call();
        } finally {
            synchronized (monitor) {
                busy--;
                monitor.notifyAll();
            }
        }
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution);
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Stops before everything else (the highest phase stops first). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void stop() {
        started = false;
        for (JobExecution execution : running) {
            try {
                log.warn("shutting down: stopping run {} at its next chunk boundary", execution.getJobInstance().getInstanceId());
                jobOperator.stop(execution);
            } catch (Exception e) {
                log.warn("run {} could not be asked to stop: {}", execution.getJobInstance().getInstanceId(), e.getMessage());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (busy > 0 && System.nanoTime() < deadline) {
                try {
                    monitor.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
