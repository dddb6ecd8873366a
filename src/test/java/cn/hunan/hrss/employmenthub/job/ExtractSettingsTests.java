package cn.hunan.hrss.employmenthub.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.ChildNight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * {@code chunk-size} and {@code parallelism} in defaults.yml reach the job: a night run as an operator runs it, with
 * {@code chunk-size: 7}, commits the station register's partition in chunks of seven records.
 */
class ExtractSettingsTests {

    @Test
    void chunkSizeOfDefaultsYmlIsTheExtractStepsCommitInterval() throws Exception {
        // given: the demo with chunk-size 7 and parallelism 1
        Path dir = Path.of("target", "extract-settings").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        Path config = dir.resolve("jobs-config");
        FileSystemUtils.copyRecursively(Path.of("jobs-config"), config);
        Path defaults = config.resolve("defaults.yml");
        Files.writeString(defaults, Files.readString(defaults).replace("chunk-size: 1000", "chunk-size: 7")
                .replace("parallelism: 2", "parallelism: 1"));
        String url = "jdbc:h2:file:" + dir.resolve("warehouse") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";

        // when
        ChildNight night = ChildNight.start(Map.of("WAREHOUSE_JDBC_URL", url), dir.resolve("night.log"), "nightly",
                "--config-dir=" + config, "--date=2023-12-31");

        // then
        assertThat(night.process().waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(night.process().exitValue()).as(Files.readString(dir.resolve("night.log"))).isZero();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT read_count, commit_count FROM BATCH_STEP_EXECUTION "
                     + "WHERE step_name = 'extractSource:source:430481-station-register'")) {
            assertThat(rs.next()).isTrue();
            long read = rs.getLong(1);
            assertThat(read).isGreaterThan(14);
            assertThat(rs.getLong(2)).as("commits of " + read + " records in chunks of 7").isBetween(read / 7, read / 7 + 2);
        }
    }
}
