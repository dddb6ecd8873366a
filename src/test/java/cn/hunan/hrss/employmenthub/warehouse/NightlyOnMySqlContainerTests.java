package cn.hunan.hrss.employmenthub.warehouse;

import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The MySQL-family acceptance run on MySQL 8.4 in a container, where a Docker engine exists and no server is
 * named by {@code WAREHOUSE_TEST_JDBC_URL}. Without Docker it is skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
@DisabledIfEnvironmentVariable(named = "WAREHOUSE_TEST_JDBC_URL", matches = ".+",
        disabledReason = "a server is named by WAREHOUSE_TEST_JDBC_URL; NightlyOnMariaDbServerTests runs instead")
class NightlyOnMySqlContainerTests extends NightlyOnMySqlFamilyTests {

    @Container
    static final MySQLContainer MYSQL = new MySQLContainer("mysql:8.4");

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", MYSQL::getJdbcUrl);
        registry.add("spring.datasource.username", MYSQL::getUsername);
        registry.add("spring.datasource.password", MYSQL::getPassword);
    }
}
