package cn.hunan.hrss.employmenthub.support;

import cn.hunan.hrss.employmenthub.operations.NightlyCommand;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.FileSystemUtils;

/**
 * A whole-application test on its own fresh in-memory H2 warehouse (the context is discarded after the class,
 * so every class starts at run 1), with helpers to copy the bundled demo and run nights.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
@DirtiesContext
public abstract class H2WarehouseTest {

    @Autowired
    protected NightlyCommand nightly;
    @Autowired
    protected WarehouseMigrator migrator;
    @Autowired
    protected JdbcTemplate jdbc;

    /** Copies the bundled demo's jobs-config (with its data) under {@code dir}, to be edited by the test. */
    protected static Path copyDemo(Path dir) throws IOException {
        Path config = dir.resolve("jobs-config");
        FileSystemUtils.copyRecursively(Path.of("jobs-config"), config);
        return config;
    }

    /** Runs the nightly job for a date over a jobs-config directory. */
    protected JobExecution night(Path config, LocalDate date) throws Exception {
        return nightly.launch(ConfigLoader.withSystemEnvironment().load(config), date);
    }
}
