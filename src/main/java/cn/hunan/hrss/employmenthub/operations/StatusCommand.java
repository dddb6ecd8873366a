package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.quality.Reconciler;
import cn.hunan.hrss.employmenthub.quality.SummaryTable;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code status}: recent runs, the latest reconciliation, and the size of every golden table. */
@Component
public class StatusCommand {

    private final JdbcTemplate jdbc;
    private final WarehouseMigrator migrator;
    private final Reconciler reconciler;

    public StatusCommand(JdbcTemplate jdbc, WarehouseMigrator migrator, Reconciler reconciler) {
        this.jdbc = jdbc;
        this.migrator = migrator;
        this.reconciler = reconciler;
    }

    public int run(PrintStream out) {
        migrator.migrate();
        List<Map<String, Object>> runs = jdbc.queryForList("SELECT run_id, run_date, status, started_at, finished_at, message "
                + "FROM etl_run ORDER BY run_id DESC LIMIT 10");
        out.println("recent runs:");
        for (Map<String, Object> r : runs) {
            out.printf("  run %-5s %s %-9s started %s finished %s %s%n", r.get("run_id"), r.get("run_date"), r.get("status"),
                    time(r.get("started_at")), time(r.get("finished_at")), r.get("message") == null ? "" : r.get("message"));
        }
        if (runs.isEmpty()) {
            out.println("  (none yet: run 'nightly')");
        } else {
            long last = ((Number) runs.get(0).get("run_id")).longValue();
            out.println("reconciliation of run " + last + ":");
            out.print(SummaryTable.format(reconciler.load(last)));
        }
        out.println("golden tables:");
        for (EntityType e : EntityType.values()) {
            out.printf("  %-18s %9d%n", e.goldenTable(), jdbc.queryForObject("SELECT COUNT(*) FROM " + e.goldenTable(), Long.class));
        }
        return ExitCodes.OK;
    }

    private static String time(Object timestamp) {
        String s = timestamp == null ? "-" : timestamp.toString().replace('T', ' ');
        return s.length() > 19 ? s.substring(0, 19) : s;
    }
}
