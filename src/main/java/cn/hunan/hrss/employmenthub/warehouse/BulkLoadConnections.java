package cn.hunan.hrss.employmenthub.warehouse;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Opens the warehouse's MySQL connections with {@code allowLoadLocalInfile}, which {@link BulkInsert} needs to
 * stream rows with {@code LOAD DATA LOCAL INFILE}, unless {@code hub.load.bulk=off} or the URL already says. The
 * driver then sends the server the stream a statement was given; only point the warehouse at a server you run.
 */
@Configuration(proxyBeanMethods = false)
class BulkLoadConnections {

    static final String PROPERTY = "allowLoadLocalInfile";

    @Bean
    static BeanPostProcessor bulkLoadConnectionProperty(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource h && wanted(h.getJdbcUrl(), environment.getProperty("hub.load.bulk", "auto"))) {
                    h.addDataSourceProperty(PROPERTY, "true");
                }
                return bean;
            }
        };
    }

    static boolean wanted(String url, String mode) {
        return url != null && url.startsWith("jdbc:mysql:") && !url.contains(PROPERTY) && !"off".equalsIgnoreCase(mode.trim());
    }
}
