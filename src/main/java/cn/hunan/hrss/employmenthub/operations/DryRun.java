package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.warehouse.AdminLog;
import cn.hunan.hrss.employmenthub.warehouse.ScratchCopy;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseDiff;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLock;
import java.io.PrintStream;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code reprocess --dry-run}: the reprocess runs for real, with the same code, on a scratch copy of the warehouse
 * (see {@link ScratchCopy}); then the copy is compared with the warehouse table by table and dropped. The warehouse
 * itself is only read: the dry run holds the warehouse lock while it copies and compares, so that no night changes it
 * meanwhile, and writes nothing (not even the lock's holder row, nor the admin history).
 */
@Component
public class DryRun {

    private final DataSource dataSource;
    private final WarehouseLock lock;
    private final Environment environment;

    /** The application's own class, taken from the running context (this package does not import the one above). */
    private final Class<?> application;

    public DryRun(DataSource dataSource, WarehouseLock lock, Environment environment,
                  org.springframework.context.ApplicationContext context) {
        this.application = org.springframework.util.ClassUtils.getUserClass(context.getBeansWithAnnotation(
                org.springframework.boot.autoconfigure.SpringBootApplication.class).values().iterator().next());
        this.dataSource = dataSource;
        this.lock = lock;
        this.environment = environment;
    }

    /** Previews a reprocess; returns the exit code it would end with, and the changes it would make, per table. */
    public Preview preview(JobsConfig config, ReprocessCommand.Scope scope, AdminLog.Actor actor, String reason, PrintStream out)
            throws Exception {
        try (WarehouseLock.Held held = lock.acquire("reprocess --dry-run " + scope.describe());
             ScratchCopy scratch = ScratchCopy.of(dataSource, environment.getProperty("spring.datasource.url"),
                     environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"))) {
            out.println("DRY RUN of reprocess " + scope.describe() + ": on a scratch copy of the warehouse; the warehouse is "
                    + "not written");
            int exit;
            try (ConfigurableApplicationContext ctx = scratchContext(scratch)) {
                exit = ctx.getBean(ReprocessCommand.class).apply(config, scope, actor, reason, out);
            }
            List<WarehouseDiff.TableChange> changes;
            try (Connection before = dataSource.getConnection(); Connection after = scratch.connect()) {
                changes = WarehouseDiff.diff(before, after);
            }
            Preview preview = new Preview(exit, changes);
            preview.print(out);
            return preview;
        }
    }

    /** What a reprocess would do: its exit code and every table's changes. */
    public record Preview(int exit, List<WarehouseDiff.TableChange> changes) {

        public Map<String, WarehouseDiff.TableChange> changed() {
            Map<String, WarehouseDiff.TableChange> out = new LinkedHashMap<>();
            changes.stream().filter(WarehouseDiff.TableChange::changed).forEach(c -> out.put(c.table(), c));
            return out;
        }

        void print(PrintStream out) {
            out.println();
            out.println("what the reprocess would change, per table (nothing else changes):");
            out.printf("  %-32s %10s %10s %10s %10s%n", "table", "rows now", "inserts", "updates", "deletes");
            for (WarehouseDiff.TableChange c : changed().values()) {
                out.printf("  %-32s %10d %10d %10d %10d%n", c.table(), c.before(), c.inserted(), c.updated(), c.deleted());
            }
            long golden = changes.stream().filter(c -> c.table().startsWith("wh_")).mapToLong(WarehouseDiff.TableChange::updated)
                    .sum();
            out.println("  golden rows whose attributes would change: " + golden + "; records that would be quarantined: "
                    + changes.stream().filter(c -> c.table().equals("quarantine")).mapToLong(WarehouseDiff.TableChange::inserted)
                    .sum() + "; parked: " + changes.stream().filter(c -> c.table().equals("etl_parked"))
                    .mapToLong(WarehouseDiff.TableChange::inserted).sum());
            out.println("DRY RUN: nothing was written; run the same command without --dry-run to apply it");
        }
    }

    /**
     * The application again, on the scratch copy, with this process's keys and settings: given as command-line
     * properties, which outrank the environment variables that name the real warehouse.
     */
    private ConfigurableApplicationContext scratchContext(ScratchCopy scratch) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", scratch.url());
        properties.put("spring.datasource.username", scratch.username() == null ? "" : scratch.username());
        properties.put("spring.datasource.password", scratch.password() == null ? "" : scratch.password());
        for (String key : List.of("hub.pii.key", "hub.pii.previous-key", "hub.pii.match-key", "hub.extract.chunk-size",
                "hub.extract.parallelism", "hub.run.stop-timeout")) {
            String value = environment.getProperty(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(application).logStartupInfo(false).run(args);
    }
}
