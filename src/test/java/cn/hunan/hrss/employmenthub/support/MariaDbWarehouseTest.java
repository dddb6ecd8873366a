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

    public static String user() {
        return System.getenv().getOrDefault("WAREHOUSE_TEST_USERNAME", "root");
    }

    public static String password() {
        return System.getenv().getOrDefault("WAREHOUSE_TEST_PASSWORD", "");
    }
}
