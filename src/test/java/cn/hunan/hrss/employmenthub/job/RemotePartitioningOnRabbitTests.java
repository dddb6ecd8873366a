package cn.hunan.hrss.employmenthub.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.job.remote.PartitionWorker;
import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.support.ChildNight;
import cn.hunan.hrss.employmenthub.support.MariaDbWarehouseTest;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Remote partitioning over the real RabbitMQ and MariaDB of the machine: a manager ({@code nightly} with a broker) and
 * worker processes ({@code worker}) build the same warehouse, table for table, as one process reading locally; a
 * worker killed in the middle of a partition leaves that partition failed, and the next {@code nightly} of the date
 * runs only it, on another worker, from its last committed chunk, again to the same warehouse.
 *
 * <p>{@code RABBITMQ_TEST_HOST} names the broker (default 127.0.0.1, guest/guest); {@code .ci/run} starts it.
 */
@EnabledIfEnvironmentVariable(named = "WAREHOUSE_TEST_JDBC_URL", matches = ".+",
        disabledReason = "set WAREHOUSE_TEST_JDBC_URL to a MySQL-family server (e.g. jdbc:mysql://127.0.0.1:3306/test)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemotePartitioningOnRabbitTests {

    private static final String DATE = GenerateCommand.RUN_DATE;
    private static final String PREFIX = "hub_remote_" + ProcessHandle.current().pid() + "_";
    private static final String HOST = System.getenv().getOrDefault("RABBITMQ_TEST_HOST", "127.0.0.1");

    private final Path dir = Path.of("target", "remote-partitioning");
    private final List<String> databases = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();
    private final List<ChildNight> workers = new ArrayList<>();
    private Map<String, String> local;
    private Map<String, Long> localReads;

    @BeforeAll
    void localNight() throws Exception {
        Assumptions.assumeTrue(reachable(), "no RabbitMQ at " + HOST + ":5672 (set RABBITMQ_TEST_HOST; .ci/run starts one)");
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        GenerateCommand.generate(dir, 2, 3000, 42, MariaDbWarehouseTest.url(database("county")));
        String db = database("local");
        ChildNight night = ChildNight.start(env(db, null), dir.resolve("local.log"), nightly());
        assertThat(night.await(900)).as(night.output()).isZero();
        local = snapshot(db);
        localReads = partitionReads(db);
        assertThat(local.get("wh_person")).doesNotStartWith("0:");
        assertThat(localReads.keySet()).as("a source's units are dealt into several partitions")
                .contains("extractSource:source:430481-county-platform:1", "extractSource:source:430481-county-platform:2");
    }

    @AfterAll
    void cleanUp() throws Exception {
        for (ChildNight w : workers) {
            w.kill();
        }
        for (String db : databases) {
            MariaDbWarehouseTest.execute("DROP DATABASE IF EXISTS " + db);
        }
        if (reachable()) {
            CachingConnectionFactory cf = new CachingConnectionFactory(HOST);
            try {
                RabbitAdmin admin = new RabbitAdmin(cf);
                queues.forEach(admin::deleteQueue);
            } finally {
                cf.destroy();
            }
        }
    }

    @Test
    void aManagerAndTwoWorkersBuildTheWarehouseOneProcessBuilds() throws Exception {
        String db = database("two");
        String queue = queue("two");
        // both started at once on a fresh warehouse: they migrate it and record the keys side by side
        List<ChildNight> both = twoWorkers(db, queue, "two");
        ChildNight first = both.get(0);
        ChildNight second = both.get(1);

        ChildNight manager = ChildNight.start(env(db, queue), dir.resolve("two-manager.log"), nightly());
        int exit = manager.await(900);

        assertThat(exit).as(manager.output()).isZero();
        assertThat(manager.output()).contains("extract: partitions go to the workers through the broker")
                .doesNotContain("unit(s) to read");
        int byFirst = count(first.output(), "started on this worker");
        int bySecond = count(second.output(), "started on this worker");
        assertThat(byFirst + bySecond).as("every partition ran on a worker, once").isEqualTo(localReads.size());
        assertThat(byFirst).as("both workers took partitions").isPositive();
        assertThat(bySecond).as("both workers took partitions").isPositive();
        assertThat(partitionReads(db)).isEqualTo(localReads);
        assertThat(snapshot(db)).isEqualTo(local);
    }

    @Test
    void aWorkerKilledInAPartitionLeavesItFailedAndTheRestartRunsOnlyItOnAnotherWorker() throws Exception {
        String db = database("kill");
        String queue = queue("kill");
        ChildNight doomed = worker(db, queue, "kill-worker-1");
        ChildNight manager = ChildNight.start(env(db, queue), dir.resolve("kill-manager.log"), nightly());

        // when: the only worker dies with a partition half done, and another joins
        String killed = inTheMiddleOfAPartition(db, manager);
        doomed.kill();
        ChildNight rescuer = worker(db, queue, "kill-worker-2");
        int exit = manager.await(900);

        // then: the night fails, naming the lost partition; every other partition finished
        assertThat(exit).as(manager.output()).isNotZero();
        try (SingleConnectionDataSource ds = dataSource(db)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'extractSource:%' "
                    + "AND STATUS <> 'COMPLETED'", String.class)).containsExactly(killed);
            assertThat(jdbc.queryForObject("SELECT EXIT_CODE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ?", String.class, killed))
                    .isEqualTo(PartitionWorker.WORKER_LOST);
        }
        assertThat(rescuer.output()).contains("its worker was lost in the middle of it; marked FAILED");

        // when: the night is started again
        ChildNight again = ChildNight.start(env(db, queue), dir.resolve("kill-again.log"), nightly());
        assertThat(again.await(900)).as(again.output()).isZero();

        // then: only the lost partition ran again, from its last commit, and the warehouse is the local one
        assertThat(again.output()).contains("(restarted)");
        try (SingleConnectionDataSource ds = dataSource(db)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            List<Map<String, Object>> rerun = jdbc.queryForList("SELECT s.STEP_NAME, s.READ_COUNT FROM BATCH_STEP_EXECUTION s "
                    + "WHERE s.STEP_NAME LIKE 'extractSource:%' AND s.JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM "
                    + "BATCH_JOB_EXECUTION)");
            assertThat(rerun).hasSize(1);
            assertThat(rerun.get(0).get("STEP_NAME")).isEqualTo(killed);
            long before = jdbc.queryForObject("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? AND STATUS = "
                    + "'FAILED'", Long.class, killed);
            assertThat(before).as("the killed attempt had committed chunks").isPositive();
            assertThat(before + ((Number) rerun.get(0).get("READ_COUNT")).longValue())
                    .as("the restart read on from the last commit: nothing twice, nothing left out")
                    .isEqualTo(localReads.get(killed));
        }
        assertThat(snapshot(db)).isEqualTo(local);
    }

    /**
     * The broker restarts while a worker is in the middle of a partition: the queued partitions survive (durable
     * queue, persistent messages), the partition in hand comes back redelivered and is left to the worker that has
     * it (watched, not marked lost), and the night completes as the local one did. Needs {@code rabbitmqctl} on this
     * machine, as {@code .ci/run} has it.
     */
    @Test
    void aBrokerRestartInTheMiddleOfTheNightLosesNoPartitionAndFailsNone() throws Exception {
        Assumptions.assumeTrue(HOST.equals("127.0.0.1") && rabbitmqctl("status") == 0, "rabbitmqctl cannot reach the broker");
        String db = database("restart");
        String queue = queue("restart");
        List<ChildNight> both = twoWorkers(db, queue, "restart");
        ChildNight first = both.get(0);
        ChildNight second = both.get(1);
        ChildNight manager = ChildNight.start(env(db, queue), dir.resolve("restart-manager.log"), nightly());

        inTheMiddleOfAPartition(db, manager);
        assertThat(rabbitmqctl("stop_app")).isZero();
        assertThat(rabbitmqctl("start_app")).isZero();
        int exit = manager.await(900);

        assertThat(exit).as(manager.output() + first.output() + second.output()).isZero();
        assertThat(first.output() + second.output()).doesNotContain("marked FAILED");
        assertThat(partitionReads(db)).isEqualTo(localReads);
        assertThat(snapshot(db)).isEqualTo(local);
    }

    private static int rabbitmqctl(String command) throws Exception {
        Process p = new ProcessBuilder("rabbitmqctl", "-q", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @Test
    void aTableCutIntoKeyRangesLoadsWhatTheWholeTableLoads() throws Exception {
        // given: the county platforms' person tables cut by their key into three ranges, read on two threads
        Path config = dir.resolve("split").resolve("jobs-config");
        FileSystemUtils.copyRecursively(dir.resolve("jobs-config"), config);
        try (var files = Files.walk(config.resolve("sources"))) {
            for (Path yml : files.filter(f -> f.getFileName().toString().endsWith("-county-platform.yml")).toList()) {
                String text = Files.readString(yml);
                Files.writeString(yml, text.replace("    key: xh\n", "    key: xh\n    split-pk: xh\n")
                        .replace("kind: jdbc\n", "kind: jdbc\nparallelism: 3\n"));
            }
        }
        String db = database("split");

        ChildNight night = ChildNight.start(env(db, null), dir.resolve("split.log"), "nightly", "--config-dir=" + config,
                "--date=" + DATE);

        assertThat(night.await(900)).as(night.output()).isZero();
        Map<String, Long> reads = partitionReads(db);
        assertThat(reads.keySet()).contains("extractSource:source:430481-county-platform:3");
        try (SingleConnectionDataSource ds = dataSource(db)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            assertThat(jdbc.queryForList("SELECT unit_label FROM etl_extract_log WHERE source_id = '430481-county-platform' "
                    + "AND entity = 'person' ORDER BY unit_label", String.class))
                    .containsExactly("c430481_jy_ry[xh ..457]", "c430481_jy_ry[xh 457..913]", "c430481_jy_ry[xh 913..]");
            assertThat(jdbc.queryForObject("SELECT SUM(rows_read) FROM etl_extract_log WHERE source_id = "
                    + "'430481-county-platform' AND entity = 'person'", Long.class)).isEqualTo(1366);
        }
        // then: the same golden records, marts and reconciliation; the landing rows say which range they came from
        Map<String, String> split = snapshot(db);
        for (String table : split.keySet()) {
            if (table.startsWith("wh_") || table.startsWith("mart_") || table.equals("etl_reconciliation")
                    || table.equals("etl_watermark")) {
                assertThat(split.get(table)).as(table).isEqualTo(local.get(table));
            } else if (!table.equals("etl_extract_log")) {
                assertThat(split.get(table).split(":")[0]).as(table + " rows").isEqualTo(local.get(table).split(":")[0]);
            }
        }
        assertThat(reads.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(localReads.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aWorkerWithoutABrokerOrWithAWarehouseOfItsOwnIsRefusedSayingWhy() throws Exception {
        Map<String, String> noBroker = env(database("refused"), null);
        ChildNight alone = ChildNight.start(noBroker, dir.resolve("refused-no-broker.log"), "worker");
        assertThat(alone.await(120)).as(alone.output()).isEqualTo(ExitCodes.CONFIG);
        assertThat(alone.output()).contains("FAILED: a worker takes partitions from a broker, and none is configured: set "
                + "SPRING_RABBITMQ_HOST");

        Map<String, String> embedded = env(database("refused"), queue("refused"));
        embedded.put("WAREHOUSE_JDBC_URL", "jdbc:h2:mem:own;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        embedded.put("WAREHOUSE_USERNAME", "sa");
        ChildNight own = ChildNight.start(embedded, dir.resolve("refused-h2.log"), "worker");
        assertThat(own.await(120)).as(own.output()).isEqualTo(ExitCodes.FAILED);
        assertThat(own.output()).contains("uses the embedded H2 warehouse, which no other process reaches: set "
                + "WAREHOUSE_JDBC_URL");

        Map<String, String> otherKey = env(PREFIX + "local", queue("refused"));
        otherKey.put("HUB_PII_KEY", "b3RoZXIta2V5LW9mLWEtd29ya2VyLXNldC11cC13cm9uZ2x5LTAxMjM0NTY=");
        ChildNight wrong = ChildNight.start(otherKey, dir.resolve("refused-key.log"), "worker");
        assertThat(wrong.await(120)).as(wrong.output()).isEqualTo(ExitCodes.FAILED);
        assertThat(wrong.output()).contains("FAILED: HUB_PII_KEY is not the key this warehouse's records are encrypted with");
    }

    /**
     * Waits until a partition has committed a chunk and has at least two more to go (by the local night's count);
     * returns its step name.
     */
    private String inTheMiddleOfAPartition(String db, ChildNight manager) throws Exception {
        try (SingleConnectionDataSource ds = dataSource(db)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            long deadline = System.currentTimeMillis() + 300_000;
            while (System.currentTimeMillis() < deadline && manager.alive()) {
                List<Map<String, Object>> running = List.of();
                try {
                    running = jdbc.queryForList("SELECT STEP_NAME, READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE "
                            + "'extractSource:%' AND STATUS = 'STARTED' AND COMMIT_COUNT >= 1");
                } catch (org.springframework.jdbc.BadSqlGrammarException notYet) {
                    // the manager has not created the job repository yet
                }
                for (Map<String, Object> p : running) {
                    String name = (String) p.get("STEP_NAME");
                    if (((Number) p.get("READ_COUNT")).longValue() + 100 < localReads.getOrDefault(name, 0L)) {
                        return name;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("no partition was seen in the middle of its work; manager: " + manager.output());
    }

    /** Two workers started at once, returned when both take partitions. */
    private List<ChildNight> twoWorkers(String db, String queue, String test) throws Exception {
        ChildNight first = start(db, queue, test + "-worker-1");
        ChildNight second = start(db, queue, test + "-worker-2");
        return List.of(ready(first), ready(second));
    }

    private ChildNight worker(String db, String queue, String name) throws Exception {
        return ready(start(db, queue, name));
    }

    private ChildNight start(String db, String queue, String name) throws Exception {
        ChildNight w = ChildNight.start(env(db, queue), dir.resolve(name + ".log"), "worker", "--threads=1");
        workers.add(w);
        return w;
    }

    private static ChildNight ready(ChildNight w) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!w.output().contains("worker: taking partitions")) {
            assertThat(w.alive()).as(w.output()).isTrue();
            assertThat(System.currentTimeMillis()).as("worker did not start: " + w.output()).isLessThan(deadline);
            Thread.sleep(200);
        }
        return w;
    }

    private String[] nightly() {
        return new String[] {"nightly", "--config-dir=" + dir.resolve("jobs-config"), "--date=" + DATE};
    }

    /** The environment of a manager or worker; {@code queue} null: no broker, the night reads locally. */
    private Map<String, String> env(String db, String queue) {
        Map<String, String> env = MariaDbWarehouseTest.processEnv(db);
        env.put("HUB_PII_KEY", "dGVzdC1rZXktZm9yLXRoZS1yZW1vdGUtcGFydGl0aW9uaW5nLXRlc3RzLTAxMjM=");
        env.put("HUB_MATCH_KEY", "dGVzdC1tYXRjaC1rZXktZm9yLXRoZS1yZW1vdGUtcGFydGl0aW9uaW5nLTAxMjM=");
        // small chunks: many commit points, so that a worker can be killed between two
        env.put("HUB_EXTRACT_CHUNK_SIZE", "50");
        if (queue != null) {
            env.put("SPRING_RABBITMQ_HOST", HOST);
            env.put("HUB_REMOTE_QUEUE", queue);
            env.put("HUB_REMOTE_POLL_INTERVAL", "200ms");
            // a partition given again that does not move for 3 s has lost its worker (default 60 s)
            env.put("HUB_WORKER_LOST_AFTER", "3s");
        }
        return env;
    }

    private Map<String, String> snapshot(String db) throws Exception {
        try (SingleConnectionDataSource ds = dataSource(db)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            return WarehouseSnapshot.night(jdbc);
        }
    }

    /** Records read per partition, over every attempt of the run. */
    private static Map<String, Long> partitionReads(String db) throws SQLException {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (SingleConnectionDataSource ds = dataSource(db)) {
            new JdbcTemplate(ds).query("SELECT STEP_NAME, SUM(READ_COUNT) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE "
                    + "'extractSource:%' GROUP BY STEP_NAME", rs -> {
                        out.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return out;
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private String queue(String name) {
        String q = "hub.test." + ProcessHandle.current().pid() + "." + name;
        queues.add(q);
        return q;
    }

    private String database(String name) throws SQLException {
        String db = PREFIX + name;
        if (databases.contains(db)) {
            return db;
        }
        MariaDbWarehouseTest.createDatabase(db);
        databases.add(db);
        return db;
    }

    private static SingleConnectionDataSource dataSource(String db) {
        return MariaDbWarehouseTest.dataSource(db);
    }

    private static boolean reachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, 5672), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
