package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.job.GracefulStop;
import cn.hunan.hrss.employmenthub.job.NightLauncher;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.warehouse.AdminLog;
import cn.hunan.hrss.employmenthub.warehouse.RunBookkeeping;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLock;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code reprocess --source=ID | --county=CODE [--entity=E] [--from=D --to=D] --reason=TEXT [--dry-run]}: reads a
 * source (or every source of a county) again, because it was late or wrong. The scope forgets what it had read
 * (its files are read again; its tables from the start of {@code --from}, or from the beginning), then each business
 * date of the range, oldest first, gets a new run of its own that reads only the scope: restartable like any night
 * ({@code nightly --date=D} resumes it). A date never run is backfilled with a whole night. Records that did not
 * change come out {@code unchanged}; quarantined ones are validated again. Watermarks end where they were unless the
 * reprocess read further. Who, when, the scope, the reason and the runs go to the admin history.
 */
@Component
public class ReprocessCommand {

    /** What a reprocess reads: sources, optionally one entity, and the business dates, oldest first. */
    public record Scope(List<String> sources, String entity, List<LocalDate> dates, LocalDate from) {

        public String describe() {
            return "sources=" + String.join(",", sources) + (entity == null ? "" : " entity=" + entity) + " dates="
                    + dates.get(0) + (dates.size() > 1 ? ".." + dates.get(dates.size() - 1) : "");
        }
    }

    private final NightlyCommand nightly;
    private final NightLauncher launcher;
    private final RunBookkeeping bookkeeping;
    private final WarehouseLock lock;
    private final GracefulStop gracefulStop;
    private final AdminLog adminLog;
    private final JdbcTemplate jdbc;
    private final DryRun dryRun;

    public ReprocessCommand(NightlyCommand nightly, NightLauncher launcher, RunBookkeeping bookkeeping, WarehouseLock lock,
                            GracefulStop gracefulStop, AdminLog adminLog, JdbcTemplate jdbc, DryRun dryRun) {
        this.dryRun = dryRun;
        this.nightly = nightly;
        this.launcher = launcher;
        this.bookkeeping = bookkeeping;
        this.lock = lock;
        this.gracefulStop = gracefulStop;
        this.adminLog = adminLog;
        this.jdbc = jdbc;
    }

    /** The scope's options among {@code given} (a form, a request): those not blank, trimmed. */
    public static Map<String, String> scopeOptions(Map<String, String> given) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String k : List.of("source", "county", "entity", "from", "to")) {
            String v = given.get(k);
            if (v != null && !v.isBlank()) {
                out.put(k, v.strip());
            }
        }
        return out;
    }

    /** The scope an operator's options name, checked against jobs-config and the runs so far. */
    public Scope scope(Map<String, String> options, JobsConfig config) {
        Optional<String> source = Optional.ofNullable(options.get("source"));
        Optional<String> county = Optional.ofNullable(options.get("county"));
        if (source.isPresent() == county.isPresent()) {
            throw new CommandLine.UsageException("name exactly one of --source=ID and --county=CODE");
        }
        List<String> sources = source.map(id -> {
            if (config.source(id).isEmpty()) {
                throw new CommandLine.UsageException("no source system '" + id + "' in " + config.dir());
            }
            return List.of(id);
        }).orElseGet(() -> config.enabledSources().stream().filter(s -> county.get().equals(s.region()))
                .map(SourceDefinition::id).toList());
        if (sources.isEmpty()) {
            throw new CommandLine.UsageException("no enabled source system covers county " + county.orElse(""));
        }
        String entity = options.get("entity");
        if (entity != null && sources.stream().noneMatch(id -> config.source(id).orElseThrow().entities().stream()
                .anyMatch(m -> entity.equals(m.entity())))) {
            throw new CommandLine.UsageException("none of " + sources + " delivers entity '" + entity + "'");
        }
        LocalDate from = date(options, "from");
        LocalDate to = date(options, "to");
        if ((from == null) != (to == null) || from != null && to.isBefore(from) || from != null && to.isAfter(from.plusDays(366))) {
            throw new CommandLine.UsageException("--from and --to go together, from <= to, at most a year apart");
        }
        List<LocalDate> dates = new ArrayList<>();
        if (from == null) {
            java.sql.Date latest = jdbc.queryForObject("SELECT MAX(run_date) FROM etl_run", java.sql.Date.class);
            if (latest == null) {
                throw new CommandLine.UsageException("no night has run yet: there is nothing to reprocess");
            }
            dates.add(latest.toLocalDate());
        } else {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                dates.add(d);
            }
        }
        return new Scope(sources, entity, dates, from);
    }

    /** Reprocesses the scope under the warehouse lock; returns the worst exit code of its runs. */
    public int apply(JobsConfig config, Scope scope, AdminLog.Actor actor, String reason, PrintStream out) throws Exception {
        return gracefulStop.guard(() -> {
            try (WarehouseLock.Held held = lock.acquire("reprocess " + scope.describe())) {
                Optional<String> keyProblem = nightly.prepare(out);
                if (keyProblem.isPresent()) {
                    out.println("FAILED: " + keyProblem.get());
                    return ExitCodes.FAILED;
                }
                for (LocalDate date : scope.dates()) {
                    JobExecution last = launcher.lastExecution(date);
                    if (last != null && last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED) {
                        out.println("FAILED: the night of " + date + " is unfinished (" + last.getStatus() + "); run 'nightly "
                                + "--date=" + date + "' to finish it first; nothing was reprocessed");
                        return ExitCodes.FAILED;
                    }
                }
                Map<String, String> watermarks = bookkeeping.forget(scope.sources(), scope.entity(), scope.from());
                List<Long> runs = new ArrayList<>();
                int worst = ExitCodes.OK;
                for (LocalDate date : scope.dates()) {
                    boolean neverRun = launcher.lastExecution(date) == null;
                    if (neverRun) {
                        out.println("the night of " + date + " never ran: backfilled with a whole night");
                    }
                    NightLauncher.Launch launch = neverRun ? launcher.launch(config, date, false)
                            : launcher.reprocess(config, date, String.join(",", scope.sources()), scope.entity());
                    int exit = nightly.report(launch, date, out);
                    runs.add(launch.execution().getJobInstance().getInstanceId());
                    if (exit != ExitCodes.OK) {
                        worst = exit;
                    }
                    if (exit == ExitCodes.FAILED) {
                        break;
                    }
                }
                if (worst != ExitCodes.FAILED) {
                    bookkeeping.restoreWatermarks(watermarks);
                }
                adminLog.record(actor, "reprocess", scope.describe(), reason, runs.get(runs.size() - 1),
                        "run(s) " + runs + ", exit " + worst);
                return worst;
            }
        });
    }

    /** The command: the scope from the options, the reason required; a dry run previews instead of applying. */
    public int run(CommandLine cl, JobsConfig config, PrintStream out) throws Exception {
        Scope scope = scope(cl.options(), config);
        String reason = cl.option("reason").filter(r -> !r.isBlank())
                .orElseThrow(() -> new CommandLine.UsageException("--reason=TEXT is required: say why the scope is read again"));
        if (cl.options().containsKey("dry-run")) {
            return dryRun.preview(config, scope, AdminLog.Actor.commandLine(), reason, out).exit();
        }
        return apply(config, scope, AdminLog.Actor.commandLine(), reason, out);
    }

    private static LocalDate date(Map<String, String> options, String name) {
        String v = options.get(name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException("--" + name + " must be YYYY-MM-DD, not '" + v + "'");
        }
    }
}
