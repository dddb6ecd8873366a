package cn.hunan.hrss.employmenthub.testkit.benchmark;

import cn.hunan.hrss.employmenthub.EmploymentHubApplication;
import cn.hunan.hrss.employmenthub.operations.NightlyCommand;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the nights the benchmark times: in this process, or as {@code nightly} in a process of its own with
 * {@code -Xmx1g}, exactly as an operator starts it, whose peak resident memory is read from {@code /proc} while it
 * runs. That night's time is the job's own, from the job repository (a process's start-up is not the night's).
 */
final class Nights {

    /** A night as measured: its status, the records it read, its seconds and (for a process of its own) peak RSS. */
    record Night(String status, long read, double seconds, Long peakRssMb) {
        double recordsPerSecond() {
            return seconds == 0 ? 0 : read / seconds;
        }
    }

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final Path configDir;
    private final JobsConfig config;
    private final Path logs;

    Nights(ApplicationContext context, JdbcTemplate jdbc, Path configDir, JobsConfig config, Path logs) {
        this.context = context;
        this.jdbc = jdbc;
        this.configDir = configDir;
        this.config = config;
        this.logs = logs;
    }

    /** A night in this process, timed by the clock around it (the job repository keeps whole seconds on MariaDB). */
    Night inProcess(LocalDate date) throws Exception {
        long start = System.nanoTime();
        JobExecution night = context.getBean(NightlyCommand.class).launch(config, date);
        double seconds = BenchmarkTool.seconds(start);
        Night measured = measured(jdbc, night.getJobInstance().getInstanceId(), null);
        return new Night(measured.status(), measured.read(), seconds, null);
    }

    /** {@code nightly} in a JVM of its own with {@code -Xmx1g}, its output in {@code night-<date>.log}. */
    Night ownProcess(LocalDate date) throws Exception {
        return ownProcess(date, configDir, context.getEnvironment().getProperty("spring.datasource.url"), jdbc,
                logs.resolve("night-" + date + ".log"));
    }

    /**
     * {@code nightly} with {@code -Xmx1g} over the sources of {@code configDir} into the warehouse at {@code warehouseUrl},
     * which {@code warehouse} reads, its output in {@code log}.
     */
    Night ownProcess(LocalDate date, Path configDir, String warehouseUrl, JdbcTemplate warehouse, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        command.addAll(launcher());
        command.addAll(List.of("nightly", "--config-dir=" + configDir.toAbsolutePath(), "--date=" + date));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Environment env = context.getEnvironment();
        Map<String, String> childEnv = builder.environment();
        childEnv.put("WAREHOUSE_JDBC_URL", warehouseUrl);
        childEnv.put("WAREHOUSE_USERNAME", env.getProperty("spring.datasource.username", ""));
        childEnv.put("WAREHOUSE_PASSWORD", env.getProperty("spring.datasource.password", ""));
        childEnv.put("HUB_PII_KEY", env.getProperty("hub.pii.key", ""));
        childEnv.put("HUB_MATCH_KEY", env.getProperty("hub.pii.match-key", ""));
        Process process = builder.start();
        long peakKb = 0;
        while (!process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, peakRssKb(process.pid()));
        }
        Long runId = warehouse.query("SELECT MAX(run_id) FROM etl_run WHERE run_date = ?", rs -> rs.next() ? (Long) rs.getObject(1, Long.class)
                : null, date);
        if (runId == null) {
            throw new IllegalStateException("nightly --date=" + date + " ran no night (exit " + process.exitValue() + "); see "
                    + log);
        }
        return measured(warehouse, runId, peakKb == 0 ? null : peakKb / 1024);
    }

    /** How this JVM was started, for a child: the application's jar, or its class path and main class. */
    private static List<String> launcher() throws IOException {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(classPath)) {
                String main = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Main-Class");
                if (main != null && main.startsWith("org.springframework.boot.loader")) {
                    return List.of("-jar", classPath);
                }
            }
        }
        return List.of("-cp", classPath, EmploymentHubApplication.class.getName());
    }

    /** The process's peak resident set so far (VmHWM), in kB; 0 where {@code /proc} cannot tell. */
    private static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended, or this is no Linux
        }
        return 0;
    }

    private static Night measured(JdbcTemplate jdbc, long runId, Long peakRssMb) {
        Map<String, Object> job = jdbc.queryForMap("SELECT e.status, e.start_time, e.end_time FROM BATCH_JOB_EXECUTION e "
                + "WHERE e.job_instance_id = ? ORDER BY e.job_execution_id DESC LIMIT 1", runId);
        long read = jdbc.queryForObject("SELECT COALESCE(SUM(read_count), 0) FROM etl_reconciliation WHERE run_id = ?", Long.class,
                runId);
        double seconds = Duration.between(time(job.get("start_time")), time(job.get("end_time"))).toMillis() / 1000.0;
        return new Night(String.valueOf(job.get("status")), read, seconds, peakRssMb);
    }

    private static LocalDateTime time(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }
}
