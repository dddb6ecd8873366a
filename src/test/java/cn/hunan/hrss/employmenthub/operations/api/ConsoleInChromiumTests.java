package cn.hunan.hrss.employmenthub.operations.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.Browser;
import cn.hunan.hrss.employmenthub.support.WarehouseTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The console in real headless Chromium: an auditor sees the runs and no reprocess button; an admin opens a run,
 * previews a reprocess (a dry run: nothing written), sees the preview and applies it, and the admin history shows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.main.web-application-type=servlet", "server.address=127.0.0.1",
    "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
            + "DB_CLOSE_DELAY=-1",
    "hub.config-dir=target/console/jobs-config",
    "hub.users=admin:{noop}admin-secret:ADMIN;auditor:{noop}auditor-secret:AUDITOR"})
@DirtiesContext
class ConsoleInChromiumTests extends WarehouseTest {

    @LocalServerPort
    int port;

    @Test
    void anAuditorReadsAnAdminPreviewsAndAppliesAReprocess() throws Exception {
        assertThat(nightlyCommand(copyDemo(Path.of("target", "console")), "2023-12-31").exit()).isZero();
        ChromeDriver browser = Browser.headless(Path.of("target", "console", "chromium-profile").toAbsolutePath());
        try {
            // an auditor: the runs, a run, no reprocess
            signIn(browser, "auditor", "auditor-secret");
            assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("auditor");
            assertThat(browser.findElements(By.cssSelector("#runs tbody tr"))).hasSize(1);
            assertThat(browser.findElements(By.id("nav-reprocess"))).as("no reprocess for an auditor").isEmpty();
            browser.get(url("/console/reprocess"));
            assertThat(browser.getPageSource()).doesNotContain("reprocess-form");
            browser.get(url("/console"));
            browser.findElement(By.id("logout")).click();
            waitFor(browser, By.id("sign-in"));

            // an admin: a run's detail, then a reprocess previewed and applied
            signIn(browser, "admin", "admin-secret");
            assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("admin");
            browser.findElement(By.linkText("1")).click();
            assertThat(waitFor(browser, By.id("run-status")).getText()).isEqualTo("SUCCEEDED");
            assertThat(browser.findElements(By.cssSelector("#reconciliation tbody tr"))).hasSize(24);
            assertThat(browser.findElements(By.cssSelector("#steps tbody tr"))).isNotEmpty();
            browser.findElement(By.id("nav-reprocess")).click();
            waitFor(browser, By.id("source")).sendKeys("430481-county-platform");
            browser.findElement(By.id("entity")).sendKeys("person");
            browser.findElement(By.id("reason")).sendKeys("县平台更正了学历 the county corrected education");
            browser.findElement(By.id("preview")).click();
            assertThat(waitFor(browser, By.id("preview-result")).getText()).contains("etl_reconciliation", "Nothing was written");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_run", Long.class)).as("the preview wrote nothing").isOne();
            browser.findElement(By.id("apply")).click();
            assertThat(waitFor(browser, By.id("message")).getText()).contains("accepted");
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            do {
                Thread.sleep(1000);
                browser.get(url("/console/history"));
            } while (browser.findElements(By.cssSelector("#history tbody tr")).isEmpty() && System.nanoTime() < deadline);
            assertThat(browser.findElement(By.cssSelector("#history tbody tr")).getText())
                    .contains("admin", "console", "reprocess", "sources=430481-county-platform entity=person",
                            "the county corrected education");
        } finally {
            browser.quit();
        }
    }

    /** The element once the page that shows it has loaded (a click that submits a form returns before that). */
    private static org.openqa.selenium.WebElement waitFor(ChromeDriver browser, By what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (browser.findElements(what).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return browser.findElement(what);
    }

    /** Signs in from the console's own page and waits for the console to show the user. */
    private void signIn(ChromeDriver browser, String name, String password) throws InterruptedException {
        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        waitFor(browser, By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        waitFor(browser, By.id("user"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
