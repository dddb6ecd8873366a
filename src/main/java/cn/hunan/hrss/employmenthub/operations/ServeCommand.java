package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.job.NightLauncher;
import cn.hunan.hrss.employmenthub.source.config.ConfigException;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.Defaults;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.warehouse.AdminLog;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLock;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLockedException;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * {@code serve}: one long-running process that runs the night on the schedule of {@code defaults.yml} (cron and time
 * zone, 02:00 Asia/Shanghai by default), after first catching up the nights it missed while it was down. The
 * business date is yesterday in that zone. Two instances against one warehouse never run a night twice: the night
 * runs under the warehouse lock, the instance that finds it held logs so and leaves the night to the holder, and a
 * night already completed is not run again. jobs-config is read afresh for every night (a changed cron needs a
 * restart). SIGTERM stops a running night at a chunk boundary and ends the process.
 */
@Component
public class ServeCommand {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    static final AdminLog.Actor SCHEDULE = new AdminLog.Actor("schedule", "schedule");
    private static final AdminLog.Actor SCHEDULE_STARTUP = new AdminLog.Actor("serve", "startup");

    private final NightlyCommand nightly;
    private final NightLauncher launcher;
    private final WarehouseMigrator migrator;
    private final WarehouseLock lock;
    private final AdminLog adminLog;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private org.springframework.context.ApplicationContext context;

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setContext(org.springframework.context.ApplicationContext context) {
        this.context = context;
    }

    public ServeCommand(NightlyCommand nightly, NightLauncher launcher, WarehouseMigrator migrator, WarehouseLock lock,
                        JdbcTemplate jdbc, Clock clock, AdminLog adminLog) {
        this.adminLog = adminLog;
        this.lock = lock;
        this.nightly = nightly;
        this.launcher = launcher;
        this.migrator = migrator;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Catches up, then runs the schedule until the process is told to stop. */
    public int run(Path configDir, PrintStream out) throws Exception {
        JobsConfig config = ConfigLoader.withSystemEnvironment().load(configDir);
        Defaults.Schedule schedule = config.defaults().scheduleOrDefault();
        List<LocalDate> missed;
        try (WarehouseLock.Held held = lock.acquire("serve (start-up)")) {
            migrator.migrate();
            lock.recordHolder();
            adminLog.noticeConfig(configDir, SCHEDULE_STARTUP);
            missed = missed(config);
        } catch (WarehouseLockedException e) {
            out.println("the warehouse is in use (" + e.getMessage() + "): its holder migrates it and catches up, not this "
                    + "instance");
            missed = List.of();
        }
        for (LocalDate date : missed) {
            out.println("catching up the night of " + date + ", missed while the service was down");
            night(configDir, date, out);
        }
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("night-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        try {
            scheduler.schedule(() -> night(configDir, null, out), new CronTrigger(schedule.cronOrDefault(), schedule.zoneId()));
            out.println("serving: the night runs at '" + schedule.cronOrDefault() + "' in " + schedule.zoneId() + ", next at "
                    + next(schedule) + "; stop with SIGTERM");
            if (context instanceof org.springframework.boot.web.server.context.WebServerApplicationContext web
                    && web.getWebServer() != null) {
                String address = web.getEnvironment().getProperty("server.address", "127.0.0.1");
                out.println("console: http://" + address + ":" + web.getWebServer().getPort() + "/console   API: http://"
                        + address + ":" + web.getWebServer().getPort() + "/api/runs");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "serve-stop"));
            stopped.await();
            return ExitCodes.OK;
        } finally {
            scheduler.shutdown();
        }
    }

    /** Ends {@link #run} (tests; in production the JVM's shutdown does). */
    public void stop() {
        stopped.countDown();
    }

    /**
     * The nights of the catch-up window (the last {@code catch-up-days} before today) that were never run though a
     * later or earlier night was, or whose run failed or died: oldest first. A warehouse that never ran a night
     * catches up nothing; its first night is the schedule's.
     */
    public List<LocalDate> missed(JobsConfig config) {
        Defaults d = config.defaults();
        int days = d.scheduleOrDefault().catchUpDaysOrDefault();
        LocalDate yesterday = d.yesterday(clock);
        java.sql.Date lastRun = jdbc.queryForObject("SELECT MAX(run_date) FROM etl_run", java.sql.Date.class);
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate date = yesterday.minusDays(days - 1L); !date.isAfter(yesterday); date = date.plusDays(1)) {
            JobExecution last = launcher.lastExecution(date);
            boolean neverRun = last == null && lastRun != null && date.isAfter(lastRun.toLocalDate());
            boolean unfinished = last != null && last.getStatus() != BatchStatus.COMPLETED
                    && last.getStatus() != BatchStatus.ABANDONED;
            if (neverRun || unfinished) {
                out.add(date);
            }
        }
        return out;
    }

    /** Runs one night (yesterday when {@code date} is null); a held lock means another instance runs it. */
    void night(Path configDir, LocalDate date, PrintStream out) {
        LocalDate night = null;
        try {
            JobsConfig config = ConfigLoader.withSystemEnvironment().load(configDir);
            night = date != null ? date : config.defaults().yesterday(clock);
            int exit = nightly.night(config, night, false, SCHEDULE, null, out);
            log.info("the night of {} ended with exit code {}", night, exit);
        } catch (WarehouseLockedException e) {
            log.info("the night of {} is not run here: the warehouse lock is held ({}); the instance holding it runs it",
                    night, e.getMessage());
        } catch (ConfigException e) {
            log.error("the night is not run: jobs-config has {} problem(s): {}", e.problems().size(), e.getMessage());
        } catch (Exception e) {
            log.error("the night of {} failed: {}", night, e.toString());
        }
    }

    private ZonedDateTime next(Defaults.Schedule schedule) {
        return CronExpression.parse(schedule.cronOrDefault()).next(ZonedDateTime.now(clock.withZone(schedule.zoneId())));
    }
}
