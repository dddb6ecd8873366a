package cn.hunan.hrss.employmenthub.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
        String url = System.getenv("WAREHOUSE_TEST_JDBC_URL");
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String db : new String[] {DATABASE, COUNTY_DATABASE}) {
                s.execute("DROP DATABASE IF EXISTS " + db);
                s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        }
        registry.add("spring.datasource.url", () -> withDatabase(url, DATABASE));
        registry.add("spring.datasource.username", NightlyOnMariaDbServerTests::user);
        registry.add("spring.datasource.password", NightlyOnMariaDbServerTests::password);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = connect(System.getenv("WAREHOUSE_TEST_JDBC_URL")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("DROP DATABASE IF EXISTS " + COUNTY_DATABASE);
        }
    }

    /** The county platforms live on the same server, as MySQL databases with pinyin tables. */
    @Override
    String countyDatabaseUrl() {
        return withDatabase(System.getenv("WAREHOUSE_TEST_JDBC_URL"), COUNTY_DATABASE);
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    private static String user() {
        return System.getenv().getOrDefault("WAREHOUSE_TEST_USERNAME", "root");
    }

    private static String password() {
        return System.getenv().getOrDefault("WAREHOUSE_TEST_PASSWORD", "");
    }

    /** The same server URL with another database: {@code jdbc:mysql://host:port/db?params}. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int slash = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String server = url.substring(0, slash < 0 ? (query < 0 ? url.length() : query) : slash);
        String params = query < 0 ? "" : url.substring(query);
        return server + "/" + database + params;
    }
}
