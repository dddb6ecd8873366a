package cn.hunan.hrss.employmenthub.warehouse;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Opens the warehouse's MySQL connections for bulk writes, unless the URL already says otherwise:
 * <ul>
 *   <li>{@code allowLoadLocalInfile}, which {@link BulkInsert} needs to stream rows with {@code LOAD DATA LOCAL
 *   INFILE}, unless {@code hub.load.bulk=off}. The driver then sends the server the stream a statement was given;
 *   only point the warehouse at a server you run.</li>
 *   <li>{@code rewriteBatchedStatements}, so that a JDBC batch of inserts goes as multi-row statements: without it
 *   the driver sends the rows one by one (a fifth of the speed in {@code benchmark}'s plain step: 9,192 rows/s against
 *   45,574 at 300,000 and a million persons).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class BulkLoadConnections {

    static final String PROPERTY = "allowLoadLocalInfile";
    static final String REWRITE = "rewriteBatchedStatements";

    @Bean
    static BeanPostProcessor bulkLoadConnectionProperty(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource h) {
                    prepare(h, environment.getProperty("hub.load.bulk", "auto"));
                }
                return bean;
            }
        };
    }

    /** Adds the driver properties a MySQL warehouse's pool {@code h} lacks. */
    static void prepare(HikariDataSource h, String mode) {
        if (wanted(h.getJdbcUrl(), mode)) {
            h.addDataSourceProperty(PROPERTY, "true");
        }
        if (mysql(h.getJdbcUrl()) && !h.getJdbcUrl().contains(REWRITE)) {
            h.addDataSourceProperty(REWRITE, "true");
        }
    }

    static boolean wanted(String url, String mode) {
        return mysql(url) && !url.contains(PROPERTY) && !"off".equalsIgnoreCase(mode.trim());
    }

    private static boolean mysql(String url) {
        return url != null && url.startsWith("jdbc:mysql:");
    }
}
