package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.ChildNight;
import cn.hunan.hrss.employmenthub.support.MariaDbWarehouseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.util.FileSystemUtils;

/**
 * Two {@code serve} processes against one MariaDB warehouse, with the night scheduled half a minute ahead: exactly one
 * runs it; the other finds the warehouse lock held (or the night done) and says so.
 */
@EnabledIfEnvironmentVariable(named = "WAREHOUSE_TEST_JDBC_URL", matches = ".+",
        disabledReason = "set WAREHOUSE_TEST_JDBC_URL to a MySQL-family server (e.g. jdbc:mysql://127.0.0.1:3306/test)")
class ServeOnMariaDbTests {

    private static final String DATABASE = "hub_serve_" + ProcessHandle.current().pid();

    @AfterAll
    static void drop() throws Exception {
        MariaDbWarehouseTest.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }

    @Test
    void twoServicesAgainstOneWarehouseRunTheScheduledNightExactlyOnce() throws Exception {
        // given: the demo, its night scheduled 40 seconds from now in Beijing time
        MariaDbWarehouseTest.execute("DROP DATABASE IF EXISTS " + DATABASE,
                "CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        Path dir = Path.of("target", "serve-two");
        FileSystemUtils.deleteRecursively(dir);
        Path config = dir.resolve("jobs-config");
        FileSystemUtils.copyRecursively(Path.of("jobs-config"), config);
        ZonedDateTime fire = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).plusSeconds(40);
        String cron = fire.getSecond() + " " + fire.getMinute() + " " + fire.getHour() + " * * *";
        Path defaults = config.resolve("defaults.yml");
        Files.writeString(defaults, Files.readString(defaults).replaceFirst("schedule: \\{cron: \"[^\"]*\"",
                "schedule: {cron: \"" + cron + "\""));
        assertThat(Files.readString(defaults)).contains(cron);

        // when: two services start
        ChildNight one = ChildNight.start(env(), dir.resolve("serve-1.log"), "serve", "--config-dir=" + config);
        ChildNight two = ChildNight.start(env(), dir.resolve("serve-2.log"), "serve", "--config-dir=" + config);
        try {
            long deadline = System.nanoTime() + 240_000_000_000L;
            while (System.nanoTime() < deadline && !(finished(one) && finished(two))) {
                Thread.sleep(1000);
            }
        } finally {
            one.terminate();
            two.terminate();
            one.await(60);
            two.await(60);
        }

        // then
        assertThat(runs()).as(one.output() + "\n----\n" + two.output()).containsExactly("1 " + fire.toLocalDate().minusDays(1)
                + " SUCCEEDED");
        List<String> logs = List.of(one.output(), two.output());
        assertThat(logs).filteredOn(l -> l.contains("OK: run 1 succeeded")).hasSize(1);
        assertThat(logs).filteredOn(l -> l.contains("the warehouse lock is held") || l.contains("already completed"))
                .as("the other one said why it did not run").hasSize(1);
    }

    /** Whether a service has dealt with the scheduled night: run it, or found it held or done. */
    private static boolean finished(ChildNight serve) throws Exception {
        String out = serve.output();
        return out.contains("OK: run 1 succeeded") || out.contains("the warehouse lock is held") || out.contains("already completed")
                || !serve.alive();
    }

    private static List<String> runs() throws Exception {
        try (Connection c = DriverManager.getConnection(MariaDbWarehouseTest.url(DATABASE), MariaDbWarehouseTest.user(),
                MariaDbWarehouseTest.password()); ResultSet rs = c.createStatement().executeQuery(
                "SELECT run_id, run_date, status FROM etl_run ORDER BY run_id")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1) + " " + rs.getDate(2) + " " + rs.getString(3));
            }
            return out;
        }
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("WAREHOUSE_JDBC_URL", MariaDbWarehouseTest.url(DATABASE));
        env.put("WAREHOUSE_USERNAME", MariaDbWarehouseTest.user());
        env.put("WAREHOUSE_PASSWORD", MariaDbWarehouseTest.password());
        env.put("HUB_PII_KEY", "dGVzdC1rZXktZm9yLXRoZS1zZXJ2ZS10ZXN0cy0wMTIzNDU2Nzg5YWJjZGVm");
        env.put("HUB_MATCH_KEY", "dGVzdC1tYXRjaC1rZXktZm9yLXRoZS1zZXJ2ZS10ZXN0cy0wMTIzNDU2Nzg5");
        env.put("HUB_PORT", "0");      // each service its own free port on loopback
        return env;
    }
}
