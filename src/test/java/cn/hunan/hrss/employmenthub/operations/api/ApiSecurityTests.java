package cn.hunan.hrss.employmenthub.operations.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.WarehouseTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of {@code serve}, walked with no credentials, as an auditor and as an admin: 401, then 403 or an
 * answer by the role the endpoint needs. The table below must name every endpoint the application maps, so a new one
 * cannot go unchecked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.main.web-application-type=servlet", "server.address=127.0.0.1",
    "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
            + "DB_CLOSE_DELAY=-1",
    "hub.config-dir=target/api-walk/jobs-config",
    "hub.users=admin:{noop}admin-secret:ADMIN;auditor:{noop}auditor-secret:AUDITOR"})
@DirtiesContext
class ApiSecurityTests extends WarehouseTest {

    /** Every endpoint and the role it needs (PUBLIC: none). */
    private static final Map<String, String> ENDPOINTS = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/runs", "AUDITOR"),
            Map.entry("GET /api/runs/{runId}/reconciliation", "AUDITOR"),
            Map.entry("GET /api/runs/{runId}/quality", "AUDITOR"),
            Map.entry("GET /api/review", "AUDITOR"),
            Map.entry("GET /api/reports/{year}", "AUDITOR"),
            Map.entry("GET /api/history", "AUDITOR"),
            Map.entry("POST /api/nights", "ADMIN"),
            Map.entry("POST /api/reprocess", "ADMIN"),
            Map.entry("POST /api/matches/split", "ADMIN"),
            Map.entry("POST /api/matches/accept", "ADMIN"),
            Map.entry("GET /actuator/prometheus", "AUDITOR"),
            Map.entry("GET /actuator/metrics", "AUDITOR"),
            Map.entry("GET /actuator/info", "AUDITOR"),
            Map.entry("GET /actuator/health", "PUBLIC"),
            Map.entry("GET /login", "PUBLIC"),
            Map.entry("GET /", "CONSOLE AUDITOR"),
            Map.entry("GET /console", "CONSOLE AUDITOR"),
            Map.entry("GET /console/runs/{runId}", "CONSOLE AUDITOR"),
            Map.entry("GET /console/runs/{runId}/audit", "CONSOLE AUDITOR"),
            Map.entry("GET /console/review", "CONSOLE AUDITOR"),
            Map.entry("GET /console/history", "CONSOLE AUDITOR"),
            Map.entry("GET /console/reprocess", "CONSOLE ADMIN"),
            Map.entry("POST /console/reprocess", "CONSOLE ADMIN"),
            Map.entry("POST /console/review/{decision}", "CONSOLE ADMIN")));

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyEndpointAnswersByRoleNoCredentials401WrongRole403() throws Exception {
        assertThat(nightlyCommand(copyDemo(Path.of("target", "api-walk")), "2023-12-31").exit()).isZero();
        // a match left for review, so that the review queue renders a row with its probability and blocks
        jdbc.update("INSERT INTO wh_match_evidence (run_id, stg_id, source_id, source_key, match_key, score, decision, evidence, "
                + "probability, blocks) SELECT 1, MIN(id), '431322-station-register', 'W99', MIN(match_key), 2, 'review', "
                + "'name=exact(+10.6) prior(-8.6)', 0.8, 'name+county' FROM stg_person");
        TreeSet<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/error")) {
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(ENDPOINTS.keySet()).as("the table names every endpoint").containsAll(mapped);

        for (Map.Entry<String, String> e : ENDPOINTS.entrySet()) {
            String endpoint = e.getKey();
            int anonymous = call(endpoint, null);
            int auditor = call(endpoint, "auditor:auditor-secret");
            int admin = call(endpoint, "admin:admin-secret");
            switch (e.getValue()) {
                case "PUBLIC" -> assertThat(anonymous).as(endpoint).isEqualTo(200);
                case "CONSOLE AUDITOR" -> {
                    assertThat(anonymous).as(endpoint + " anonymous: signed in first").isIn(302, 401);
                    assertThat(auditor).as(endpoint + " auditor").isEqualTo(200);
                    assertThat(admin).as(endpoint + " admin").isEqualTo(200);
                }
                case "CONSOLE ADMIN" -> {
                    assertThat(anonymous).as(endpoint + " anonymous").isIn(302, 401, 403);
                    if (p(endpoint).equals("GET")) {
                        assertThat(auditor).as(endpoint + " auditor").isEqualTo(403);
                        assertThat(admin).as(endpoint + " admin").isEqualTo(200);
                    } else {
                        assertThat(admin).as(endpoint + " admin without the form's CSRF token").isIn(401, 403);
                        assertThat(signedInPost(endpoint, "auditor", "auditor-secret")).as(endpoint + " auditor").isEqualTo(403);
                        assertThat(signedInPost(endpoint, "admin", "admin-secret")).as(endpoint + " admin, an empty form")
                                .isIn(200, 400);
                    }
                }
                case "AUDITOR" -> {
                    assertThat(anonymous).as(endpoint + " anonymous").isEqualTo(401);
                    assertThat(auditor).as(endpoint + " auditor").isEqualTo(200);
                    assertThat(admin).as(endpoint + " admin").isEqualTo(200);
                }
                default -> {
                    assertThat(anonymous).as(endpoint + " anonymous").isEqualTo(401);
                    assertThat(auditor).as(endpoint + " auditor").isEqualTo(403);
                    assertThat(admin).as(endpoint + " admin (an invalid request: refused after authorisation)").isEqualTo(400);
                }
            }
        }
        assertThat(call("GET /api/runs", "admin:wrong-password")).isEqualTo(401);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "auditor:auditor-secret".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("hub_records_total{outcome=\"read\",source=\"430481-county-platform\"}",
                "hub_last_success_age_seconds", "hub_warehouse_lock_held 0.0", "hub_run_seconds_count");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "auditor:auditor-secret".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"sources\"", "\"430481-county-platform\":\"reachable\"", "\"db\"");
    }

    @Test
    void anAdminsReprocessIsPreviewedWith200AndAcceptedWith202AndAnAuditorsIsRefused() throws Exception {
        assertThat(nightlyCommand(copyDemo(Path.of("target", "api-walk")), "2023-12-31").exit()).isZero();
        String dry = "{\"source\":\"430481-county-platform\",\"entity\":\"person\",\"reason\":\"try it\",\"dryRun\":true}";

        assertThat(post("/api/reprocess", dry, "auditor:auditor-secret").statusCode()).isEqualTo(403);
        HttpResponse<String> preview = post("/api/reprocess", dry, "admin:admin-secret");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("\"table\":\"etl_reconciliation\"", "\"exit\":0");
        HttpResponse<String> real = post("/api/reprocess", dry.replace(",\"dryRun\":true", ""), "admin:admin-secret");
        assertThat(real.statusCode()).as(real.body()).isEqualTo(202);

        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && jdbc.queryForObject("SELECT COUNT(*) FROM etl_admin_action WHERE action = "
                + "'reprocess'", Long.class) == 0) {
            Thread.sleep(500);
        }
        assertThat(jdbc.queryForMap("SELECT actor, via, reason FROM etl_admin_action WHERE action = 'reprocess'"))
                .containsEntry("ACTOR", "admin").containsEntry("VIA", "api").containsEntry("REASON", "try it");
    }

    /** Signs in on the console's login page, takes the CSRF token of a console page and posts an empty form with it. */
    private int signedInPost(String endpoint, String name, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        browser.send(form("/login", "username=" + name + "&password=" + password + "&_csrf=" + csrf(login)),
                HttpResponse.BodyHandlers.discarding());
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String path = endpoint.split(" ", 2)[1].replace("{decision}", "split");
        return browser.send(form(path, "_csrf=" + csrf(page)), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String csrf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static String p(String endpoint) {
        return endpoint.split(" ", 2)[0];
    }

    private int call(String endpoint, String credentials) throws Exception {
        String[] p = endpoint.split(" ", 2);
        String path = p[1].replace("{runId}", "1").replace("{year}", "2023").replace("{decision}", "split");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (p[0].equals("POST")) {
            String invalid = path.equals("/api/nights") ? "{\"date\":\"yesterday\"}" : "{}";
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(invalid));
        }
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> post(String path, String body, String credentials) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
