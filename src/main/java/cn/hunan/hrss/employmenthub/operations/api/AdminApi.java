package cn.hunan.hrss.employmenthub.operations.api;

import cn.hunan.hrss.employmenthub.dedup.MatchReview;
import cn.hunan.hrss.employmenthub.mart.HeadlineReport;
import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.DryRun;
import cn.hunan.hrss.employmenthub.operations.NightlyCommand;
import cn.hunan.hrss.employmenthub.operations.ReprocessCommand;
import cn.hunan.hrss.employmenthub.quality.AuditQueries;
import cn.hunan.hrss.employmenthub.quality.Reconciler;
import cn.hunan.hrss.employmenthub.quality.Reconciliation;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.warehouse.AdminLog;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLock;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLockedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin REST API of {@code serve}: what the commands do, for the console and for scripts. Reads answer at once;
 * a night or a reprocess is accepted (202) and runs in the background under the warehouse lock (one at a time; a
 * second is told the lock is held in the run's log and the admin history). Every action is recorded with the
 * signed-in user. Roles: see {@link ApiSecurity}.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("/api")
public class AdminApi {

    /** A night to run: {@code date} (default yesterday in the schedule's zone), {@code rerun} a completed one. */
    public record NightRequest(String date, Boolean rerun, String reason) {
    }

    /** A reprocess, as the command's options. */
    public record ReprocessRequest(String source, String county, String entity, String from, String to, String reason,
                                   Boolean dryRun) {
    }

    /** A split or an accept of a match. */
    public record MatchRequest(String source, String key, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final Reconciler reconciler;
    private final AuditQueries audit;
    private final MatchReview review;
    private final HeadlineReport report;
    private final AdminLog adminLog;
    private final NightlyCommand nightly;
    private final ReprocessCommand reprocess;
    private final DryRun dryRun;
    private final Path configDir;
    private final java.time.Clock clock;
    private final WarehouseLock lock;
    private final BackgroundRuns background;

    public AdminApi(JdbcTemplate jdbc, Reconciler reconciler, AuditQueries audit, MatchReview review, HeadlineReport report,
                    AdminLog adminLog, NightlyCommand nightly, ReprocessCommand reprocess, DryRun dryRun,
                    @Value("${hub.config-dir:jobs-config}") String configDir, java.time.Clock clock, WarehouseLock lock,
                    BackgroundRuns background) {
        this.lock = lock;
        this.background = background;
        this.jdbc = jdbc;
        this.reconciler = reconciler;
        this.audit = audit;
        this.review = review;
        this.report = report;
        this.adminLog = adminLog;
        this.nightly = nightly;
        this.reprocess = reprocess;
        this.dryRun = dryRun;
        this.configDir = Path.of(configDir);
        this.clock = clock;
    }

    @GetMapping("/runs")
    public List<Map<String, Object>> runs() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT r.run_id, r.run_date, r.status, r.started_at, r.finished_at, r.message, "
                + "(SELECT SUM(c.read_count) FROM etl_reconciliation c WHERE c.run_id = r.run_id) AS read_count, "
                + "(SELECT SUM(c.quarantined_count) FROM etl_reconciliation c WHERE c.run_id = r.run_id) AS quarantined "
                + "FROM etl_run r ORDER BY r.run_id DESC LIMIT 50");
        rows.forEach(r -> r.replaceAll((k, v) -> v instanceof java.sql.Date d ? d.toLocalDate().toString()
                : v instanceof java.sql.Timestamp t ? t.toLocalDateTime().toString() : v));
        return rows;
    }

    @GetMapping("/runs/{runId}/reconciliation")
    public List<Reconciliation> reconciliation(@PathVariable long runId) {
        return reconciler.load(runId);
    }

    @GetMapping("/runs/{runId}/quality")
    public Map<String, Object> quality(@PathVariable long runId) {
        var data = audit.load(runId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", data.run());
        out.put("sources", data.sources());
        out.put("units", data.units());
        out.put("rules", data.rules());
        return out;
    }

    @GetMapping("/review")
    public List<Map<String, Object>> reviewQueue() {
        return review.evidence(true, 200);
    }

    @GetMapping("/reports/{year}")
    public List<HeadlineReport.Line> headline(@PathVariable int year) {
        return report.lines(year);
    }

    @GetMapping("/history")
    public List<AdminLog.Action> history() {
        return adminLog.latest(200);
    }

    @PostMapping("/nights")
    public ResponseEntity<Map<String, Object>> night(@RequestBody NightRequest request, Principal user) {
        JobsConfig config = config();
        LocalDate date = request.date() == null ? config.defaults().yesterday(clock) : date(request.date());
        boolean rerun = Boolean.TRUE.equals(request.rerun());
        if (rerun && blank(request.reason())) {
            throw new CommandLine.UsageException("a rerun needs a reason");
        }
        background.submit("the night of " + date + " (api, " + user.getName() + ")",
                () -> nightly.night(config, date, rerun, actor(user), request.reason(), log()));
        return accepted(Map.of("date", date.toString(), "rerun", rerun));
    }

    @PostMapping("/reprocess")
    public ResponseEntity<Map<String, Object>> reprocess(@RequestBody ReprocessRequest request, Principal user)
            throws Exception {
        if (blank(request.reason())) {
            throw new CommandLine.UsageException("reason is required: say why the scope is read again");
        }
        JobsConfig config = config();
        Map<String, String> given = new LinkedHashMap<>();
        given.put("source", request.source());
        given.put("county", request.county());
        given.put("entity", request.entity());
        given.put("from", request.from());
        given.put("to", request.to());
        ReprocessCommand.Scope scope = reprocess.scope(ReprocessCommand.scopeOptions(given), config);
        if (Boolean.TRUE.equals(request.dryRun())) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            DryRun.Preview preview = dryRun.preview(config, scope, actor(user), request.reason(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("scope", scope.describe());
            out.put("exit", preview.exit());
            out.put("changes", preview.changed().values());
            out.put("printed", printed.toString(StandardCharsets.UTF_8));
            return ResponseEntity.ok(out);
        }
        background.submit("reprocess " + scope.describe() + " (api, " + user.getName() + ")",
                () -> reprocess.apply(config, scope, actor(user), request.reason(), log()));
        return accepted(Map.of("scope", scope.describe()));
    }

    @PostMapping("/matches/split")
    public Map<String, Object> split(@RequestBody MatchRequest request, Principal user) {
        int records;
        try (WarehouseLock.Held held = lock.acquire("split (api, " + user.getName() + ")")) {
            records = review.split(required(request.source(), "source"), required(request.key(), "key"));
        }
        String outcome = records + " record(s) wait for matching again and will not join that person again";
        adminLog.record(actor(user), "split", "source=" + request.source() + " key=" + request.key(), request.reason(), null,
                outcome);
        return Map.of("outcome", outcome);
    }

    @PostMapping("/matches/accept")
    public Map<String, Object> accept(@RequestBody MatchRequest request, Principal user) {
        try (WarehouseLock.Held held = lock.acquire("accept (api, " + user.getName() + ")")) {
            review.accept(required(request.source(), "source"), required(request.key(), "key"));
        }
        String outcome = "the next night merges the record into the suggested person";
        adminLog.record(actor(user), "accept", "source=" + request.source() + " key=" + request.key(), request.reason(), null,
                outcome);
        return Map.of("outcome", outcome);
    }

    @ExceptionHandler(WarehouseLockedException.class)
    public ResponseEntity<Map<String, String>> locked(WarehouseLockedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler({CommandLine.UsageException.class, IllegalArgumentException.class})
    public ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    private JobsConfig config() {
        return ConfigLoader.withSystemEnvironment().load(configDir);
    }

    private static AdminLog.Actor actor(Principal user) {
        return new AdminLog.Actor(user.getName(), "api");
    }

    /** Where a background run prints: the service's standard output, as a scheduled night. */
    private static PrintStream log() {
        return System.out;
    }

    private static ResponseEntity<Map<String, Object>> accepted(Map<String, Object> body) {
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.put("accepted", true);
        out.put("follow", "/api/runs and /api/history");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(out);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.UsageException("date must be YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static String required(String value, String name) {
        if (blank(value)) {
            throw new CommandLine.UsageException(name + " is required");
        }
        return value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
