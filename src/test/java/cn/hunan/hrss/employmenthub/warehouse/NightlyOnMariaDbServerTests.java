package cn.hunan.hrss.employmenthub.warehouse;

import cn.hunan.hrss.employmenthub.support.MariaDbWarehouseTest;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MySQL-family acceptance run against the server named by {@code WAREHOUSE_TEST_JDBC_URL} (with
 * {@code WAREHOUSE_TEST_USERNAME} and {@code WAREHOUSE_TEST_PASSWORD}); .ci/run points it at the local
 * MariaDB. Each run gets a fresh database, dropped afterwards.
 */
@EnabledIfEnvironmentVariable(named = "WAREHOUSE_TEST_JDBC_URL", matches = ".+",
        disabledReason = "set WAREHOUSE_TEST_JDBC_URL to a MySQL-family server (e.g. jdbc:mysql://127.0.0.1:3306/test)")
class NightlyOnMariaDbServerTests extends NightlyOnMySqlFamilyTests {

    private static final String DATABASE = "hub_test_" + ProcessHandle.current().pid();
    private static final String COUNTY_DATABASE = "hub_county_" + ProcessHandle.current().pid();

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) throws SQLException {
        for (String db : new String[] {DATABASE, COUNTY_DATABASE}) {
            MariaDbWarehouseTest.execute("DROP DATABASE IF EXISTS " + db,
                    "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        registry.add("spring.datasource.url", () -> MariaDbWarehouseTest.url(DATABASE));
        registry.add("spring.datasource.username", MariaDbWarehouseTest::user);
        registry.add("spring.datasource.password", MariaDbWarehouseTest::password);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        MariaDbWarehouseTest.execute("DROP DATABASE IF EXISTS " + DATABASE, "DROP DATABASE IF EXISTS " + COUNTY_DATABASE);
    }

    /** The county platforms live on the same server, as MySQL databases with pinyin tables. */
    @Override
    String countyDatabaseUrl() {
        return MariaDbWarehouseTest.url(COUNTY_DATABASE);
    }
}
