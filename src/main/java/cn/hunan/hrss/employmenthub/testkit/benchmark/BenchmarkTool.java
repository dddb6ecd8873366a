package cn.hunan.hrss.employmenthub.testkit.benchmark;

import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.operations.Tool;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.testkit.generator.ChangeSet;
import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import cn.hunan.hrss.employmenthub.warehouse.KeyGuard;
import cn.hunan.hrss.employmenthub.warehouse.ScratchCopy;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code benchmark [--persons=N] [--counties=N] [--seed=N] [--delta-per-mille=N] [--history-nights=N]
 * [--memory-persons=N] [--memory-counties=N] [--out=DIR]}:
 * against the configured MySQL-family warehouse, which must be empty, generates a dataset (county databases on the
 * same server) and measures in one run:
 * <ul>
 *   <li>limit: {@code LOAD DATA LOCAL INFILE} of as many landing-shaped rows as the night reads;</li>
 *   <li>plain: a plain Spring Batch chunk step over the same rows (both before and after the nights, against
 *   drift);</li>
 *   <li>full: the real night from an empty warehouse to finished marts, as {@code nightly} in a process of its own
 *   with {@code -Xmx1g}, and that process's peak resident memory;</li>
 *   <li>empty: the next night, which finds nothing new (the night's fixed cost);</li>
 *   <li>delta: a night after {@link ChangeSet} touched {@code delta-per-mille} (default 10, 1%) of the records;</li>
 *   <li>history: the same after {@code history-nights} (default 30) more such nights;</li>
 *   <li>memory: the first night of {@code memory-persons} (default 5,000,000; 0 skips it) in a warehouse of its own,
 *   with {@code -Xmx1g}, and its peak resident memory against the full night's ({@link MemoryNight}).</li>
 * </ul>
 * Prints a table and writes it as JSON. Timings are measured here, never asserted by tests.
 */
public final class BenchmarkTool implements Tool {

    @Override
    public boolean handles(CommandLine cl) {
        return cl.command().equals("benchmark");
    }

    @Override
    public boolean needsWarehouse() {
        return true;
    }

    @Override
    public int run(CommandLine cl, PrintStream out, ApplicationContext context) throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String url;
        try (var c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            out.println("FAILED: benchmark measures a MySQL-family warehouse: point WAREHOUSE_JDBC_URL at a new, empty database");
            return ExitCodes.FAILED;
        }
        java.util.Optional<String> keys = context.getBean(KeyGuard.class).demoKeyProblem();
        if (keys.isPresent()) {
            out.println("FAILED: " + keys.get());
            return ExitCodes.FAILED;
        }
        context.getBean(WarehouseMigrator.class).migrate();
        if (jdbc.queryForObject("SELECT COUNT(*) FROM etl_run", Long.class) > 0) {
            out.println("FAILED: the warehouse is not empty; benchmark measures a night from an empty warehouse");
            return ExitCodes.FAILED;
        }
        int persons = cl.intOption("persons", 1_000_000);
        int counties = cl.intOption("counties", 3);
        Path dir = Path.of(cl.option("out", "target/benchmark"));
        String sources = jdbc.queryForObject("SELECT DATABASE()", String.class) + "_bench_src";
        jdbc.execute("DROP DATABASE IF EXISTS " + sources);
        jdbc.execute("CREATE DATABASE " + sources + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", LocalDate.now().toString());
        result.put("persons", persons);
        result.put("counties", counties);
        long bufferPool = jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class);
        result.put("innodb_buffer_pool_mb", bufferPool / (1024 * 1024));
        if (bufferPool < 1L << 30) {
            out.printf("note: the server's InnoDB buffer pool is %d MB; the merge of a large night waits on disk with less than "
                    + "about 1 GB per million persons (README: Point it at MySQL)%n", bufferPool / (1024 * 1024));
        }
        long started = System.nanoTime();
        Map<String, Object> truth = GenerateCommand.generate(dir, counties, persons, cl.intOption("seed", 42),
                ScratchCopy.withDatabase(url, sources));
        result.put("generate_seconds", seconds(started));
        long records = ((Map<?, ?>) truth.get("read")).values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
        result.put("records", records);
        out.printf("generated %,d persons in %d counties: %,d records to read%n", persons, counties, records);

        Steps steps = new Steps(context, url, jdbc);
        LandingRows rows = new LandingRows(records, 400);
        double limit1 = steps.limit(rows);
        double plain1 = steps.plain(rows);
        Path configDir = dir.resolve("jobs-config");
        Nights nights = new Nights(context, jdbc, configDir, ConfigLoader.withSystemEnvironment().load(configDir), dir);
        LocalDate day = LocalDate.parse(GenerateCommand.RUN_DATE);
        Nights.Night full = nights.ownProcess(day);
        Nights.Night empty = nights.inProcess(day.plusDays(1));
        double share = cl.intOption("delta-per-mille", 10) / 1000.0;
        int historyNights = cl.intOption("history-nights", 30);
        String sourceUrl = ScratchCopy.withDatabase(url, sources);
        List<String> countyCodes = ((List<?>) truth.get("counties")).stream().map(String::valueOf).toList();
        long touched = ChangeSet.apply(sourceUrl, countyCodes, share, records, 1, day.plusDays(2).atTime(8, 0));
        Nights.Night delta = nights.inProcess(day.plusDays(2));
        for (int n = 2; n <= historyNights + 1; n++) {
            ChangeSet.apply(sourceUrl, countyCodes, share, records, n, day.plusDays(n + 1).atTime(8, 0));
            nights.inProcess(day.plusDays(n + 1));
        }
        ChangeSet.apply(sourceUrl, countyCodes, share, records, historyNights + 2, day.plusDays(historyNights + 3).atTime(8, 0));
        Nights.Night history = nights.inProcess(day.plusDays(historyNights + 3));
        double limit2 = steps.limit(rows);
        double plain2 = steps.plain(rows);
        jdbc.execute("DROP DATABASE IF EXISTS " + sources);
        int memoryPersons = cl.intOption("memory-persons", 5_000_000);
        MemoryNight.Measured memory = null;
        if (memoryPersons > 0) {
            int memoryCounties = cl.intOption("memory-counties", MemoryNight.counties(persons, counties, memoryPersons));
            out.printf("memory: generating %,d persons in %d counties for their first night%n", memoryPersons, memoryCounties);
            memory = new MemoryNight(jdbc, context.getEnvironment().getProperty("spring.datasource.url"),
                    context.getEnvironment().getProperty("spring.datasource.username"),
                    context.getEnvironment().getProperty("spring.datasource.password", ""))
                    .measure(nights, memoryPersons, memoryCounties, cl.intOption("seed", 42), dir.resolve("memory"));
        }

        double limit = (limit1 + limit2) / 2;
        double plain = (plain1 + plain2) / 2;
        double fullRate = full.recordsPerSecond();
        result.put("night_status", full.status());
        result.put("limit_rows_per_second", Math.round(limit));
        result.put("plain_rows_per_second", Math.round(plain));
        result.put("full_records_per_second", Math.round(fullRate));
        result.put("full_seconds", round1(full.seconds()));
        result.put("full_peak_rss_mb", full.peakRssMb());
        result.put("nothing_new_seconds", round1(empty.seconds()));
        result.put("nothing_new_status", empty.status());
        result.put("delta_rows_changed", touched);
        result.put("delta_records", delta.read());
        result.put("delta_seconds", round1(delta.seconds()));
        result.put("delta_status", delta.status());
        result.put("history_nights", historyNights);
        result.put("history_delta_records", history.read());
        result.put("history_delta_seconds", round1(history.seconds()));
        result.put("history_delta_status", history.status());
        result.put("full_over_limit", ratio(fullRate, limit));
        result.put("full_over_plain", ratio(fullRate, plain));
        result.put("delta_over_full", ratio(delta.seconds(), full.seconds()));
        result.put("history_delta_over_delta", ratio(history.seconds(), delta.seconds()));
        if (memory != null) {
            result.put("memory_persons", memory.persons());
            result.put("memory_counties", memory.counties());
            result.put("memory_records", memory.records());
            result.put("memory_generate_seconds", round1(memory.generateSeconds()));
            result.put("memory_night_status", memory.night().status());
            result.put("memory_night_seconds", round1(memory.night().seconds()));
            result.put("memory_peak_rss_mb", memory.night().peakRssMb());
            result.put("memory_rss_over_full_rss", rssRatio(memory.night(), full));
        }
        out.printf("%-8s %14s %10s%n", "step", "rows/s", "seconds");
        out.printf("%-8s %,14.0f %10.1f   (LOAD DATA, mean of %,.0f and %,.0f)%n", "limit", limit, records / limit, limit1, limit2);
        out.printf("%-8s %,14.0f %10.1f   (chunk step, mean of %,.0f and %,.0f)%n", "plain", plain, records / plain, plain1, plain2);
        out.printf("%-8s %,14.0f %10.1f   (nightly -Xmx1g %s, %,d records, peak RSS %s MB)%n", "full", fullRate, full.seconds(),
                full.status(), full.read(), full.peakRssMb());
        out.printf("%-8s %14s %10.1f   (the next night, nothing new: %s)%n", "empty", "", empty.seconds(), empty.status());
        out.printf("%-8s %,14.0f %10.1f   (%.1f%% changed: %,d records, %s)%n", "delta", delta.recordsPerSecond(), delta.seconds(),
                share * 100, delta.read(), delta.status());
        out.printf("%-8s %,14.0f %10.1f   (the same after %d such nights: %,d records, %s)%n", "history",
                history.recordsPerSecond(), history.seconds(), historyNights, history.read(), history.status());
        if (memory != null) {
            out.printf("%-8s %,14.0f %10.1f   (nightly -Xmx1g %s at %,d persons in %d counties, %,d records, peak RSS %s MB)%n",
                    "memory", memory.night().recordsPerSecond(), memory.night().seconds(), memory.night().status(),
                    memory.persons(), memory.counties(), memory.night().read(), memory.night().peakRssMb());
            out.printf("rss %,d persons / %,d persons %.3f%n", memory.persons(), persons, rssRatio(memory.night(), full));
        }
        out.printf("full/limit %.3f   full/plain %.3f   delta/full %.3f   history/delta %.3f%n", ratio(fullRate, limit),
                ratio(fullRate, plain), ratio(delta.seconds(), full.seconds()), ratio(history.seconds(), delta.seconds()));
        Path json = dir.resolve("benchmark.json");
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        out.println("written to " + json);
        return ExitCodes.OK;
    }

    private static double round1(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double rssRatio(Nights.Night larger, Nights.Night full) {
        return larger.peakRssMb() == null || full.peakRssMb() == null ? 0 : ratio(larger.peakRssMb(), full.peakRssMb());
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : Math.round(a / b * 1000) / 1000.0;
    }
}
