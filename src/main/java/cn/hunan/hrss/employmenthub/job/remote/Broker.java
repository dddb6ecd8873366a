package cn.hunan.hrss.employmenthub.job.remote;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;

/**
 * The message broker that carries the extract's partitions, present when one is configured
 * ({@code spring.rabbitmq.host}, or {@code SPRING_RABBITMQ_HOST}): a manager then sends partitions to the queue and a
 * {@code worker} takes them from it. One durable queue; its messages are persistent, so a broker restart keeps them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.rabbitmq.host")
@EnableIntegration
public class Broker {

    /** The queue's name, {@code hub.remote.queue}: managers and workers of one warehouse share it. */
    public static final String QUEUE = "${hub.remote.queue:hub.extract.partitions}";

    @Bean
    ConnectionFactory brokerConnections(@Value("${spring.rabbitmq.host}") String host,
                                        @Value("${spring.rabbitmq.port:5672}") int port,
                                        @Value("${spring.rabbitmq.username:guest}") String username,
                                        @Value("${spring.rabbitmq.password:guest}") String password,
                                        @Value("${spring.rabbitmq.virtual-host:/}") String virtualHost) {
        CachingConnectionFactory factory = new CachingConnectionFactory(host, port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        factory.setConnectionNameStrategy(f -> "employment-hub");
        return factory;
    }

    @Bean
    Queue partitionQueue(@Value(QUEUE) String name) {
        return QueueBuilder.durable(name).build();
    }

    @Bean
    RabbitAdmin brokerAdmin(ConnectionFactory brokerConnections) {
        return new RabbitAdmin(brokerConnections);
    }

    @Bean
    RabbitTemplate brokerTemplate(ConnectionFactory brokerConnections) {
        return new RabbitTemplate(brokerConnections);
    }
}
