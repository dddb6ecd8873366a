package cn.hunan.hrss.employmenthub.operations.api;

import cn.hunan.hrss.employmenthub.dedup.MatchReview;
import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.DryRun;
import cn.hunan.hrss.employmenthub.operations.ReprocessCommand;
import cn.hunan.hrss.employmenthub.quality.AuditHtml;
import cn.hunan.hrss.employmenthub.quality.AuditQueries;
import cn.hunan.hrss.employmenthub.quality.Reconciler;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.warehouse.AdminLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web console of {@code serve}, rendered on the server (Thymeleaf, no script, no external resource: it works
 * offline): runs with their per-source reconciliation (the page refreshes itself while a run is going), a run's
 * detail with its steps and audit report, the match review queue with split and accept, the reprocess form with its
 * dry-run preview, and the admin history. Chinese labels with English beside them, as the audit report.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class Console {

    private final AdminApi api;
    private final JdbcTemplate jdbc;
    private final Reconciler reconciler;
    private final AuditQueries audit;
    private final MatchReview review;
    private final AdminLog adminLog;
    private final ReprocessCommand reprocess;
    private final DryRun dryRun;
    private final Path configDir;
    private final BackgroundRuns background;

    public Console(AdminApi api, JdbcTemplate jdbc, Reconciler reconciler, AuditQueries audit, MatchReview review,
                   AdminLog adminLog, ReprocessCommand reprocess, DryRun dryRun,
                   @Value("${hub.config-dir:jobs-config}") String configDir, BackgroundRuns background) {
        this.background = background;
        this.api = api;
        this.jdbc = jdbc;
        this.reconciler = reconciler;
        this.audit = audit;
        this.review = review;
        this.adminLog = adminLog;
        this.reprocess = reprocess;
        this.dryRun = dryRun;
        this.configDir = Path.of(configDir);
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping({"/", "/console"})
    public String runs(Model model, Authentication user) {
        List<Map<String, Object>> runs = api.runs();
        model.addAttribute("runs", runs);
        model.addAttribute("running", runs.stream().anyMatch(r -> "RUNNING".equals(r.get("status"))));
        if (!runs.isEmpty()) {
            long latest = ((Number) runs.get(0).get("run_id")).longValue();
            model.addAttribute("latest", latest);
            model.addAttribute("reconciliation", reconciler.load(latest));
        }
        return page(model, user, "runs");
    }

    @GetMapping("/console/runs/{runId}")
    public String run(@PathVariable long runId, Model model, Authentication user) {
        model.addAttribute("runId", runId);
        model.addAttribute("run", jdbc.queryForList("SELECT run_id, run_date, status, started_at, finished_at, message FROM "
                + "etl_run WHERE run_id = ?", runId).stream().findFirst().orElse(Map.of()));
        model.addAttribute("reconciliation", reconciler.load(runId));
        model.addAttribute("steps", jdbc.queryForList("SELECT s.step_name, s.status, s.exit_code, s.read_count, s.write_count, "
                + "s.start_time, s.end_time, s.exit_message FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e ON "
                + "e.job_execution_id = s.job_execution_id WHERE e.job_instance_id = ? ORDER BY s.step_execution_id", runId));
        return page(model, user, "run");
    }

    @GetMapping(value = "/console/runs/{runId}/audit", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String auditReport(@PathVariable long runId) {
        return AuditHtml.render(audit.load(runId));
    }

    @GetMapping("/console/review")
    public String reviewQueue(Model model, Authentication user) {
        model.addAttribute("queue", review.evidence(true, 200));
        return page(model, user, "review");
    }

    @PostMapping("/console/review/{decision}")
    public String decide(@PathVariable String decision, @RequestParam String source, @RequestParam String key,
                         @RequestParam(required = false) String reason, Principal principal, RedirectAttributes flash) {
        AdminApi.MatchRequest request = new AdminApi.MatchRequest(source, key, reason);
        Map<String, Object> done = decision.equals("split") ? api.split(request, principal) : api.accept(request, principal);
        flash.addFlashAttribute("message", decision + ": " + done.get("outcome"));
        return "redirect:/console/review";
    }

    @GetMapping("/console/reprocess")
    public String reprocessForm(Model model, Authentication user) {
        return page(model, user, "reprocess");
    }

    @PostMapping("/console/reprocess")
    public String reprocess(@RequestParam Map<String, String> form, Principal principal, Model model, Authentication user,
                            RedirectAttributes flash) throws Exception {
        Map<String, String> options = ReprocessCommand.scopeOptions(form);
        model.addAttribute("form", form);
        try {
            String reason = form.getOrDefault("reason", "").strip();
            if (reason.isEmpty()) {
                throw new CommandLine.UsageException("a reason is required: say why the scope is read again");
            }
            JobsConfig config = ConfigLoader.withSystemEnvironment().load(configDir);
            ReprocessCommand.Scope scope = reprocess.scope(options, config);
            AdminLog.Actor actor = new AdminLog.Actor(principal.getName(), "console");
            if ("apply".equals(form.get("action"))) {
                background.submit("reprocess " + scope.describe() + " (console, " + actor.name() + ")",
                        () -> reprocess.apply(config, scope, actor, reason, System.out));
                flash.addFlashAttribute("message", "reprocess of " + scope.describe() + " accepted: it runs now; see the "
                        + "runs below and the admin history");
                return "redirect:/console";
            }
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            DryRun.Preview preview = dryRun.preview(config, scope, actor, reason, new PrintStream(printed, true,
                    StandardCharsets.UTF_8));
            model.addAttribute("scope", scope.describe());
            model.addAttribute("preview", preview.changed().values());
            model.addAttribute("exit", preview.exit());
        } catch (CommandLine.UsageException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(model, user, "reprocess");
    }

    @GetMapping("/console/history")
    public String history(Model model, Authentication user) {
        model.addAttribute("actions", adminLog.latest(200));
        return page(model, user, "history");
    }

    private static String page(Model model, Authentication user, String view) {
        model.addAttribute("user", user.getName());
        model.addAttribute("admin", user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN")));
        model.addAttribute("view", view);
        return view;
    }
}
