package cn.hunan.hrss.employmenthub.job.remote;

import cn.hunan.hrss.employmenthub.job.JobsConfigProvider;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The worker's side of remote partitioning ({@code worker}): takes the extract's partitions from the broker's queue,
 * one at a time per thread ({@code hub.worker.threads}), and runs each as the manager would have (read, standardise,
 * validate, land, stage) against the shared job repository and warehouse.
 *
 * <p>A message is acknowledged only when the partition's result is stored in the job repository: a worker killed in
 * the middle of a partition leaves its message unacknowledged, and the broker gives it to another worker. That worker
 * finds the partition started and not finished, and if nothing moves it for {@code hub.worker.lost-after}, marks it
 * FAILED (its worker was lost): the manager sees the
 * failure, the run fails, and a restart of the night runs only the unfinished partitions, on any worker, each from
 * its last committed chunk. A partition already finished, or of a run no longer running, is acknowledged and left.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${hub.worker.enabled:false}' == 'true' and '${spring.rabbitmq.host:}' != ''")
public class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);
    /** The exit code of a partition whose worker died in the middle of it. */
    public static final String WORKER_LOST = "WORKER_LOST";
    /** The inbound adapter's bean name: started by the {@code worker} command once the keys are checked. */
    public static final String INBOUND = "partitionInbound";

    private final JobRepository jobRepository;
    private final Step step;
    private final JobsConfigProvider configs;
    private final AtomicLong lastJobExecution = new AtomicLong(-1);

    private final Duration lostAfter;

    public PartitionWorker(JobRepository jobRepository, @Qualifier("extractSourceStep") Step step, JobsConfigProvider configs,
                           DataSource dataSource, @Value("${hub.worker.lost-after:60s}") Duration lostAfter) {
        SharedWarehouse.require(new JdbcTemplate(dataSource), "this worker");
        this.lostAfter = lostAfter;
        this.jobRepository = jobRepository;
        this.step = step;
        this.configs = configs;
    }

    @Bean
    SimpleMessageListenerContainer partitionListener(ConnectionFactory brokerConnections, Queue partitionQueue,
                                                     @Value("${hub.worker.threads:1}") int threads,
                                                     @Value("${hub.worker.stop-timeout:60s}") Duration stopTimeout) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(brokerConnections);
        container.setQueues(partitionQueue);
        container.setConcurrentConsumers(threads);
        container.setPrefetchCount(1);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setShutdownTimeout(stopTimeout.toMillis());
        return container;
    }

    @Bean
    IntegrationFlow partitionsIn(SimpleMessageListenerContainer partitionListener) {
        return IntegrationFlow.from(Amqp.inboundAdapter(partitionListener).id(INBOUND).autoStartup(false))
                .handle(String.class, (text, headers) -> {
                    run(PartitionMessages.read(text), Boolean.TRUE.equals(headers.get(AmqpHeaders.REDELIVERED)));
                    return null;
                })
                .get();
    }

    /** Runs one partition, or marks it lost, or leaves it; returns what became of it. */
    String run(StepExecutionRequest request, boolean redelivered) {
        if (!step.getName().equals(request.getStepName())) {
            log.warn("partition {}: step '{}' is not one a worker runs; left", request.getStepExecutionId(), request.getStepName());
            return "unknown step";
        }
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            log.warn("partition {} is not in the job repository; left", request.getStepExecutionId());
            return "unknown";
        }
        JobExecution job = partition.getJobExecution();
        String name = partition.getStepName() + " of run " + job.getJobInstance().getInstanceId();
        if (partition.getStatus() == BatchStatus.STARTING && job.getStatus().isRunning()) {
            if (lastJobExecution.getAndSet(job.getId()) != job.getId()) {
                configs.reset();
            }
            return execute(partition, name);
        }
        if (partition.getStatus().isRunning() && partition.getStatus() != BatchStatus.STARTING && redelivered) {
            StepExecution now = watch(partition, name);
            if (now == null) {
                log.info("{} finished on the worker that had it", name);
                return "finished elsewhere";
            }
            now.setStatus(BatchStatus.FAILED);
            now.setExitStatus(new ExitStatus(WORKER_LOST, "the worker running this partition was lost in the middle of "
                    + "it (its message came back to the broker unacknowledged, and it did not move for " + lostAfter.toSeconds()
                    + " s); restart the night to run it again"));
            now.setEndTime(LocalDateTime.now());
            jobRepository.update(now);
            log.warn("{}: its worker was lost in the middle of it; marked FAILED for the night's restart", name);
            return "lost";
        }
        log.info("{} is {} (run {}): nothing to do", name, partition.getStatus(), job.getStatus());
        return "left";
    }

    /**
     * Watches a partition whose message came back while it runs: returns it as soon as nothing has moved it (no chunk
     * committed, not finished) for {@code hub.worker.lost-after} (60 s), for its worker is gone; null once it has
     * finished. While it moves, its worker lives (the broker only gave the message again, after a restart or a lost
     * connection) and will store the result itself; this worker keeps the message, so that should that worker die
     * later, the partition is still found lost. A worker whose partition is marked lost while it still lives cannot
     * commit again: its next update of the partition fails on the job repository's version, and its chunk is rolled
     * back.
     */
    private StepExecution watch(StepExecution partition, String name) {
        StepExecution seen = partition;
        long deadline = System.nanoTime() + lostAfter.toNanos();
        boolean told = false;
        while (true) {
            StepExecution now = jobRepository.getStepExecution(seen.getId());
            if (now == null || !now.getStatus().isRunning()) {
                return null;
            }
            if (!java.util.Objects.equals(now.getVersion(), seen.getVersion())) {
                if (!told) {
                    log.info("{} is moving on the worker that had it (the broker gave its message again); watching it", name);
                    told = true;
                }
                seen = now;
                deadline = System.nanoTime() + lostAfter.toNanos();
            } else if (System.nanoTime() >= deadline) {
                return now;
            }
            try {
                Thread.sleep(Math.min(1000, Math.max(1, lostAfter.toMillis() / 10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // back to the queue, for another worker to watch
                throw new org.springframework.amqp.ImmediateRequeueAmqpException("stopped while watching " + name, e);
            }
        }
    }

    private String execute(StepExecution partition, String name) {
        log.info("{}: started on this worker", name);
        try {
            step.execute(partition);
        } catch (JobInterruptedException e) {
            partition.setStatus(BatchStatus.STOPPED);
            jobRepository.update(partition);
        } catch (Throwable e) {
            partition.addFailureException(e);
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription(e));
            jobRepository.update(partition);
        }
        log.info("{}: {} ({} read, {} written)", name, partition.getExitStatus().getExitCode(), partition.getReadCount(),
                partition.getWriteCount());
        return partition.getStatus().name();
    }
}
