package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.job.RunRecovery;
import cn.hunan.hrss.employmenthub.quality.Reconciler;
import cn.hunan.hrss.employmenthub.quality.SummaryTable;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.warehouse.AdminLog;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLock;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code status}: recent runs with their state, duration, counts and every attempt (execution) of each, a dead
 * run (its process died) and the attempt that completed it after a restart; the latest reconciliation; the size of
 * every golden table. {@code recover}: marks the runs whose process died as failed, so they can be restarted.
 */
@Component
public class StatusCommand {

    private final JdbcTemplate jdbc;
    private final WarehouseMigrator migrator;
    private final Reconciler reconciler;
    private final JobRepository jobRepository;
    private final WarehouseLock lock;
    private final RunRecovery recovery;

    public StatusCommand(JdbcTemplate jdbc, WarehouseMigrator migrator, Reconciler reconciler, JobRepository jobRepository,
                         WarehouseLock lock, RunRecovery recovery, AdminLog adminLog) {
        this.adminLog = adminLog;
        this.jdbc = jdbc;
        this.migrator = migrator;
        this.reconciler = reconciler;
        this.jobRepository = jobRepository;
        this.lock = lock;
        this.recovery = recovery;
    }

    private final AdminLog adminLog;

    /** {@code history}: the admin actions, latest first. */
    public int history(int limit, PrintStream out) {
        migrator.migrate();
        List<AdminLog.Action> actions = adminLog.latest(limit);
        out.printf("%-19s %-16s %-8s %-14s %-7s %s%n", "when", "who", "via", "action", "run", "on what / why / outcome");
        for (AdminLog.Action a : actions) {
            out.printf("%-19s %-16s %-8s %-14s %-7s %s%n", a.actedAt().toString().replace('T', ' '), a.actor(), a.via(),
                    a.action(), a.runId() == null ? "" : a.runId(), a.target()
                            + (a.reason() == null ? "" : " / why: " + a.reason())
                            + (a.outcome() == null ? "" : " / " + a.outcome()));
        }
        out.println("OK: " + actions.size() + " action(s)");
        return ExitCodes.OK;
    }

    public int recover(String reason, PrintStream out) {
        List<String> recovered = recovery.recoverDead();
        recovered.forEach(line -> out.println("recovered " + line));
        adminLog.record(AdminLog.Actor.commandLine(), "recover", "dead runs", reason, null,
                recovered.isEmpty() ? "none found" : String.join("; ", recovered));
        out.println("OK: " + recovered.size() + " dead run(s) recovered");
        return ExitCodes.OK;
    }

    public int run(PrintStream out) {
        migrator.migrate();
        List<Map<String, Object>> runs = jdbc.queryForList("SELECT r.run_id, r.run_date, r.status, r.started_at, r.finished_at, "
                + "r.message, (SELECT SUM(c.read_count) FROM etl_reconciliation c WHERE c.run_id = r.run_id) AS read_count, "
                + "(SELECT SUM(c.new_count + c.updated_count) FROM etl_reconciliation c WHERE c.run_id = r.run_id) AS changed, "
                + "(SELECT SUM(c.quarantined_count) FROM etl_reconciliation c WHERE c.run_id = r.run_id) AS quarantined "
                + "FROM etl_run r ORDER BY r.run_id DESC LIMIT 10");
        out.println("recent runs:");
        boolean locked = lock.isHeld();
        for (Map<String, Object> r : runs) {
            long runId = ((Number) r.get("run_id")).longValue();
            String state = String.valueOf(r.get("status"));
            JobInstance instance = jobRepository.getJobInstance(runId);
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last != null && last.getStatus().isRunning() && !locked) {
                state = "DEAD";
            }
            out.printf("  run %-5s %s %-9s started %s %s read %s, new or updated %s, quarantined %s%n", runId, r.get("run_date"),
                    state, time(r.get("started_at")), duration(r.get("started_at"), r.get("finished_at")), n(r.get("read_count")),
                    n(r.get("changed")), n(r.get("quarantined")));
            if ("DEAD".equals(state)) {
                out.println("        its process died (nobody holds the warehouse lock): the next 'nightly' or 'recover' marks "
                        + "it failed, and 'nightly --date=" + r.get("run_date") + "' finishes it");
            } else if (r.get("message") != null) {
                out.println("        " + r.get("message"));
            }
            attempts(runId, out);
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

    /** One line per attempt (Spring Batch execution) of a run, oldest first. */
    private void attempts(long runId, PrintStream out) {
        JobInstance instance = jobRepository.getJobInstance(runId);
        if (instance == null) {
            return;
        }
        List<JobExecution> executions = jobRepository.getJobExecutions(instance).stream()
                .sorted(Comparator.comparing(JobExecution::getId)).toList();
        for (JobExecution e : executions) {
            boolean recovered = e.getExecutionContext().containsKey("batch.recovered");
            out.printf("        attempt %d: %s%s, %s %s%n", e.getId(), e.getStatus(), recovered ? " (process died; recovered)" : "",
                    time(e.getStartTime()), duration(e.getStartTime(), e.getEndTime()));
        }
        if (executions.size() > 1 && executions.get(executions.size() - 1).getStatus().name().equals("COMPLETED")) {
            out.println("        completed by attempt " + executions.get(executions.size() - 1).getId() + " after "
                    + (executions.size() - 1) + " earlier attempt(s)");
        }
    }

    private static String n(Object v) {
        return v == null ? "-" : String.format("%,d", ((Number) v).longValue());
    }

    private static String duration(Object start, Object end) {
        LocalDateTime s = dateTime(start);
        LocalDateTime e = dateTime(end);
        if (s == null || e == null) {
            return "(not finished)";
        }
        Duration d = Duration.between(s, e);
        return "took " + (d.toMinutes() > 0 ? d.toMinutes() + " min " : "") + d.toSecondsPart() + " s";
    }

    private static LocalDateTime dateTime(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return null;
    }

    private static String time(Object timestamp) {
        LocalDateTime t = dateTime(timestamp);
        String s = t == null ? "-" : t.withNano(0).toString().replace('T', ' ');
        return s.length() > 19 ? s.substring(0, 19) : s;
    }
}
