package cn.hunan.hrss.employmenthub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.job.NightLauncher;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A service started after nights were missed runs them first, in order, for the dates of its own time zone. */
class ServeCatchUpTests extends H2WarehouseTest {

    private final TimeZone jvmZone = TimeZone.getDefault();

    @TempDir
    Path dir;
    @Autowired
    NightLauncher launcher;
    @Autowired
    cn.hunan.hrss.employmenthub.warehouse.WarehouseLock lock;
    @Autowired
    cn.hunan.hrss.employmenthub.warehouse.AdminLog adminLog;

    @AfterEach
    void restore() {
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void theNightsMissedInTheCatchUpWindowAreRunOldestFirstAndThenNoneIsMissed() throws Exception {
        // given: a JVM on UTC at 2024-01-06 01:00 Beijing time, and a warehouse whose last night was 2024-01-01
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Clock clock = Clock.fixed(Instant.parse("2024-01-05T17:00:00Z"), ZoneOffset.UTC);
        Path configDir = copyDemo(dir);
        assertThat(nightlyCommand(configDir, "2024-01-01").exit()).isZero();
        ServeCommand serve = new ServeCommand(nightly, launcher, migrator, lock, jdbc, clock, adminLog);
        JobsConfig config = ConfigLoader.withSystemEnvironment().load(configDir);

        // when
        var missed = serve.missed(config);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        missed.forEach(date -> serve.night(configDir, date, new PrintStream(out, true, StandardCharsets.UTF_8)));

        // then: the three days before Beijing's today; with the JVM's zone it would have ended on the 4th
        assertThat(missed).containsExactly(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 5));
        assertThat(jdbc.queryForList("SELECT run_date FROM etl_run WHERE status = 'SUCCEEDED' ORDER BY run_id", String.class))
                .as(out.toString(StandardCharsets.UTF_8))
                .containsExactly("2024-01-01", "2024-01-03", "2024-01-04", "2024-01-05");
        assertThat(serve.missed(config)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK: run 4 succeeded");
    }
}
