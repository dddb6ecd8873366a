package cn.hunan.hrss.employmenthub.support;

import cn.hunan.hrss.employmenthub.operations.NightlyCommand;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/** What whole-application tests share, whichever warehouse they run on: the demo to copy, nights to run. */
public abstract class WarehouseTest {

    @Autowired
    protected NightlyCommand nightly;
    @Autowired
    protected WarehouseMigrator migrator;
    @Autowired
    protected JdbcTemplate jdbc;

    /** Copies the bundled demo's jobs-config (with its data) under {@code dir}, to be edited by the test. */
    protected static Path copyDemo(Path dir) throws IOException {
        Path config = dir.resolve("jobs-config");
        FileSystemUtils.deleteRecursively(config);
        FileSystemUtils.copyRecursively(Path.of("jobs-config"), config);
        return config;
    }

    /** Runs the nightly job for a date over a jobs-config directory (a new run if that date already completed). */
    protected JobExecution night(Path config, LocalDate date) throws Exception {
        return nightly.launch(ConfigLoader.withSystemEnvironment().load(config), date);
    }
}
