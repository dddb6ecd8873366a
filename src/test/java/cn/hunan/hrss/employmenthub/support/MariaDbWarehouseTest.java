package cn.hunan.hrss.employmenthub.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole-application test on a fresh warehouse database of the MySQL-family server named by
 * {@code WAREHOUSE_TEST_JDBC_URL} (.ci/run points it at the local MariaDB): created before the class, dropped
 * after it. Also the helpers to reach that server and to name other databases on it.
 */
@OnMySqlFamilyServer
@SpringBootTest(properties = {"hub.pii.key=dGVzdC1rZXktZm9yLXRoZS1teXNxbC1mYW1pbHktdGVzdHMtMDEyMzQ1Njc4OQ==",
    "hub.pii.match-key=dGVzdC1tYXRjaC1rZXktZm9yLXRoZS1teXNxbC1mYW1pbHktdGVzdHMtMDEyMzQ="})
@DirtiesContext
public abstract class MariaDbWarehouseTest extends WarehouseTest {

    protected static final String DATABASE = "hub_it_" + ProcessHandle.current().pid();

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        registry.add("spring.datasource.url", () -> url(DATABASE));
        registry.add("spring.datasource.username", MariaDbWarehouseTest::user);
        registry.add("spring.datasource.password", MariaDbWarehouseTest::password);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + DATABASE);
    }

    /** The server's URL with another database: {@code jdbc:mysql://host:port/db?params}. */
    public static String url(String database) {
        return cn.hunan.hrss.employmenthub.warehouse.ScratchCopy.withDatabase(System.getenv("WAREHOUSE_TEST_JDBC_URL"), database);
    }

    public static void execute(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getenv("WAREHOUSE_TEST_JDBC_URL"), user(), password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** A new empty database of that name on the server (dropped first if it is there), for a process of its own. */
    public static void createDatabase(String db) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    /** One connection to a database of the server, closed with the data source. */
    public static org.springframework.jdbc.datasource.SingleConnectionDataSource dataSource(String db) {
        return new org.springframework.jdbc.datasource.SingleConnectionDataSource(url(db), user(), password(), true);
    }

    /**
     * The environment of an application process ({@link ChildNight}) whose warehouse is {@code db} on this server and
     * whose county databases are read with the same account; the caller adds its keys and settings.
     */
    public static java.util.Map<String, String> processEnv(String db) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("WAREHOUSE_JDBC_URL", url(db));
        env.put("WAREHOUSE_USERNAME", user());
        env.put("WAREHOUSE_PASSWORD", password());
        env.put("COUNTY_DB_USER", user());
        env.put("COUNTY_DB_PASSWORD", password());
        return env;
    }

    public static String user() {
        return System.getenv().getOrDefault("WAREHOUSE_TEST_USERNAME", "root");
    }

    public static String password() {
        return System.getenv().getOrDefault("WAREHOUSE_TEST_PASSWORD", "");
    }
}
