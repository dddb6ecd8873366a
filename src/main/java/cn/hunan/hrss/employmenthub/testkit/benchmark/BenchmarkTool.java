package cn.hunan.hrss.employmenthub.testkit.benchmark;

import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.operations.NightlyCommand;
import cn.hunan.hrss.employmenthub.operations.Tool;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import cn.hunan.hrss.employmenthub.warehouse.ScratchCopy;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code benchmark [--persons=N] [--counties=N] [--seed=N] [--out=DIR]}: against the configured MySQL-family
 * warehouse, which must be empty, generates a dataset (county databases on the same server) and measures in one run
 * the physical limit ({@code LOAD DATA LOCAL INFILE} of as many landing-shaped rows as the night reads), a plain
 * Spring Batch chunk step over the same rows, the real night, from an empty warehouse to finished marts, and the
 * next night, which finds nothing new; the limit and the plain step run before and after the nights, against drift. Prints a table and writes it as JSON.
 * Timings are measured here, never asserted by tests.
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
        JobsConfig config = ConfigLoader.withSystemEnvironment().load(dir.resolve("jobs-config"));
        long nightStart = System.nanoTime();
        JobExecution night = context.getBean(NightlyCommand.class).launch(config, LocalDate.parse(GenerateCommand.RUN_DATE));
        double fullSeconds = seconds(nightStart);
        long read = jdbc.queryForObject("SELECT COALESCE(SUM(read_count), 0) FROM etl_reconciliation WHERE run_id = ?", Long.class,
                night.getJobInstance().getInstanceId());
        long emptyStart = System.nanoTime();
        JobExecution empty = context.getBean(NightlyCommand.class).launch(config,
                LocalDate.parse(GenerateCommand.RUN_DATE).plusDays(1));
        double emptySeconds = seconds(emptyStart);
        double limit2 = steps.limit(rows);
        double plain2 = steps.plain(rows);
        jdbc.execute("DROP DATABASE IF EXISTS " + sources);

        double limit = (limit1 + limit2) / 2;
        double plain = (plain1 + plain2) / 2;
        double full = read / fullSeconds;
        result.put("night_status", night.getStatus().toString());
        result.put("limit_rows_per_second", Math.round(limit));
        result.put("plain_rows_per_second", Math.round(plain));
        result.put("full_records_per_second", Math.round(full));
        result.put("full_seconds", Math.round(fullSeconds * 10) / 10.0);
        result.put("nothing_new_seconds", Math.round(emptySeconds * 10) / 10.0);
        result.put("nothing_new_status", empty.getStatus().toString());
        result.put("full_over_limit", ratio(full, limit));
        result.put("full_over_plain", ratio(full, plain));
        out.printf("%-8s %14s %10s%n", "step", "rows/s", "seconds");
        out.printf("%-8s %,14.0f %10.1f   (LOAD DATA, mean of %,.0f and %,.0f)%n", "limit", limit, records / limit, limit1, limit2);
        out.printf("%-8s %,14.0f %10.1f   (chunk step, mean of %,.0f and %,.0f)%n", "plain", plain, records / plain, plain1, plain2);
        out.printf("%-8s %,14.0f %10.1f   (nightly %s, %,d records)%n", "full", full, fullSeconds, night.getStatus(), read);
        out.printf("%-8s %14s %10.1f   (the next night, nothing new: %s)%n", "empty", "", emptySeconds, empty.getStatus());
        out.printf("full/limit %.3f   full/plain %.3f%n", ratio(full, limit), ratio(full, plain));
        Path json = dir.resolve("benchmark.json");
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        out.println("written to " + json);
        return ExitCodes.OK;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : Math.round(a / b * 1000) / 1000.0;
    }
}
