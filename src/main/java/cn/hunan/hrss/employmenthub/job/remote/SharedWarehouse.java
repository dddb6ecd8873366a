package cn.hunan.hrss.employmenthub.job.remote;

import org.springframework.jdbc.core.JdbcTemplate;

/** Remote partitioning needs a job repository and a warehouse that the manager and every worker reach. */
final class SharedWarehouse {

    private SharedWarehouse() {
    }

    static void require(JdbcTemplate jdbc, String who) {
        String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
        if (url != null && url.startsWith("jdbc:h2:")) {
            throw new IllegalStateException("a broker is configured (spring.rabbitmq.host), but " + who + " uses the embedded "
                    + "H2 warehouse, which no other process reaches: set WAREHOUSE_JDBC_URL to the MySQL-family warehouse "
                    + "that the manager and every worker share, or unset SPRING_RABBITMQ_HOST to read locally");
        }
    }
}
