package cn.hunan.hrss.employmenthub.job.remote;

import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The manager's side of remote partitioning: the extract's partitions are sent to the broker's queue, one message
 * each, and the manager polls the shared job repository until every partition has finished (Spring Batch's
 * {@link MessageChannelPartitionHandler}). Each message is sent with a publisher confirm: a partition the broker did
 * not take fails the step at once, and is never silently missing. The merges and the marts stay on the manager.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.rabbitmq.host")
public class RemotePartitions {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitions.class);

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    /** Partition requests → JSON → the durable queue, persistent, confirmed by the broker before the next is sent. */
    @Bean
    IntegrationFlow partitionsOut(DirectChannel partitionRequests, RabbitTemplate brokerTemplate, Queue partitionQueue,
                                  @Value("${hub.remote.confirm-timeout:30s}") Duration confirmTimeout) {
        return IntegrationFlow.from(partitionRequests)
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    brokerTemplate.invoke(ops -> {
                        ops.convertAndSend("", partitionQueue.getName(), PartitionMessages.write(request));
                        ops.waitForConfirmsOrDie(confirmTimeout.toMillis());
                        return null;
                    });
                    log.debug("sent partition {} to {}", request.getStepExecutionId(), partitionQueue.getName());
                    return null;
                })
                .get();
    }

    /**
     * The extract step's partition handler in remote mode. {@code hub.remote.poll-interval}: how often the manager
     * looks at the job repository; {@code hub.remote.timeout}: how long it waits for all partitions before the step
     * fails (0: for ever).
     */
    @Bean
    PartitionHandler remotePartitionHandler(DirectChannel partitionRequests, JobRepository jobRepository, DataSource dataSource,
                                            @Qualifier("extractSourceStep") Step partitionStep,
                                            @Value("${hub.remote.poll-interval:1s}") Duration pollInterval,
                                            @Value("${hub.remote.timeout:12h}") Duration timeout) throws Exception {
        SharedWarehouse.require(new JdbcTemplate(dataSource), "the manager");
        MessagingTemplate template = new MessagingTemplate();
        template.setDefaultChannel(partitionRequests);
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(partitionStep.getName());
        handler.setJobRepository(jobRepository);
        handler.setMessagingOperations(template);
        handler.setPollInterval(pollInterval.toMillis());
        handler.setTimeout(timeout.isZero() ? -1 : timeout.toMillis());
        handler.afterPropertiesSet();
        return handler;
    }
}
