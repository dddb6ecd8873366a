package cn.hunan.hrss.employmenthub.quality;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.operations.AuditCommand;
import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import cn.hunan.hrss.employmenthub.validation.IdNumbers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A night in which one register delivers 30% bad rows against its 10% limit: that source fails alone, the run
 * is PARTIAL, its watermarks stay; then the audit report of that night, opened in real headless Chromium,
 * shows the warehouse's figures, the jump in that source's reject rate, no console error, no request, and no
 * unmasked personal data.
 */
class ErrorLimitAndAuditTests extends H2WarehouseTest {

    private static final String REGISTER = "430481-station-register";

    @TempDir
    Path dir;
    @Autowired
    AuditQueries audit;

    @Test
    void aSourceOverItsErrorLimitFailsAloneAndTheAuditShowsIt() throws Exception {
        // given: the demo, loaded once
        Path config = copyDemo(dir);
        migrator.migrate();
        assertThat(nightly(config)).isZero();

        // when: the register brings a new file with 3 bad rows out of 10, the online platform a good one
        StringBuilder csv = new StringBuilder("耒阳市补录登记表,,,,,,,,,\r\n序号,姓名,性别,身份证号,联系电话,文化程度,人员类别,居住地代码,登记日期,登记站点\r\n");
        for (int i = 0; i < 10; i++) {
            String first17 = "430481199001" + String.format("%02d", i + 1) + "011";
            char check = IdNumbers.checkChar(first17);
            String id = first17 + (i < 3 ? (check == '0' ? '1' : '0') : check);
            csv.append(i + 1).append(",补录").append(i).append(",男,").append(id).append(",1380013").append(String.format("%04d", i))
                    .append(",高中,,430481001001,2023-12-20,430481-ZD0001\r\n");
        }
        Files.write(config.resolve("data/430481/register/persons-2023-12.csv"), csv.toString().getBytes(Charset.forName("GBK")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = nightly.run(new CommandLine("nightly", Map.of("date", "2023-12-31", "rerun", "true")), load(config),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        // then: PARTIAL, with the limit and the top rule named on the last line
        String printed = out.toString(StandardCharsets.UTF_8).strip();
        String lastLine = printed.substring(printed.lastIndexOf('\n') + 1);
        assertThat(exit).isEqualTo(ExitCodes.PARTIAL);
        assertThat(lastLine).startsWith("PARTIAL: run 2: source " + REGISTER + " failed its error limit (percent 10%: 3 of 10 "
                + "records rejected = 30.0%); top rules: ID_CHECK_DIGIT 3");
        assertThat(jdbc.queryForMap("SELECT status, read_count, quarantined_count, held_count FROM etl_source_status "
                + "WHERE run_id = 2 AND source_id = ?", REGISTER)).containsEntry("STATUS", "FAILED")
                .containsEntry("READ_COUNT", 10L).containsEntry("QUARANTINED_COUNT", 3L).containsEntry("HELD_COUNT", 7L);
        assertThat(jdbc.queryForObject("SELECT status FROM etl_run WHERE run_id = 2", String.class)).isEqualTo("PARTIAL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_source_file WHERE file_name LIKE '%persons-2023-12.csv'",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person WHERE name LIKE '补录%'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT held_count FROM etl_reconciliation WHERE run_id = 2 AND source_id = ? "
                + "AND entity = 'person'", Long.class, REGISTER)).isEqualTo(7L);

        // when: the audit of that night
        Path report = AuditCommand.write(audit.load(2), Files.createDirectories(dir.resolve("audit")));

        // then: its CSV files and, in a real browser, its page
        assertThat(Files.readString(report.resolveSibling("rules.csv"))).contains("2,ID_CHECK_DIGIT,ERROR,any,");
        assertThat(Files.readAllLines(report.resolveSibling("trend.csv"))).anyMatch(l -> l.startsWith(REGISTER + ",2,"));
        assertPageInChromium(report);
    }

    private void assertPageInChromium(Path report) {
        ChromeDriver browser = cn.hunan.hrss.employmenthub.support.Browser.headless(dir.resolve("chromium-profile"));
        try {
            browser.get(report.toUri().toString());

            long read = jdbc.queryForObject("SELECT SUM(read_count) FROM etl_reconciliation WHERE run_id = 2", Long.class);
            assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("PARTIAL");
            assertThat(browser.findElement(By.id("total-read")).getText()).isEqualTo(String.valueOf(read));
            List<WebElement> rows = browser.findElements(By.cssSelector("#sources tbody tr"));
            assertThat(rows).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM etl_reconciliation WHERE run_id = 2", Integer.class));
            List<String> register = cells(browser.findElements(By.xpath(
                    "//table[@id='sources']/tbody/tr[td[1]='" + REGISTER + "' and td[2]='person']/td")));
            assertThat(register).containsExactly(REGISTER, "person", "10", "0", "0", "3", "0", "7", "30.00%", "0.00%");
            WebElement bar = browser.findElement(By.cssSelector("#rule-chart rect[data-rule='ID_CHECK_DIGIT']"));
            assertThat(bar.getDomAttribute("data-count")).isEqualTo("3");
            assertThat(browser.findElements(By.cssSelector("#rule-chart rect.bar"))).hasSize(jdbc.queryForObject(
                    "SELECT COUNT(DISTINCT rule_code) FROM dq_violation WHERE run_id = 2", Integer.class));
            assertThat(browser.findElement(By.cssSelector("#trend-chart polyline[data-source='" + REGISTER + "']"))
                    .getDomAttribute("data-points")).isEqualTo("2");
            assertThat(browser.findElement(By.cssSelector("#jumps li[data-source='" + REGISTER + "']")).getText())
                    .startsWith(REGISTER + ": 30.00% this run");
            Object resources = ((JavascriptExecutor) browser).executeScript(
                    "return performance.getEntriesByType('resource').length;");
            assertThat(((Number) resources).intValue()).as("requests made by the page").isZero();
            List<String> errors = new ArrayList<>();
            for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
                if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                    errors.add(e.getMessage());
                }
            }
            assertThat(errors).as("browser console").isEmpty();
            assertThat(WarehouseSnapshot.plainPersonalData(browser.findElement(By.tagName("body")).getDomProperty("textContent")))
                    .isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static List<String> cells(List<WebElement> tds) {
        return tds.stream().map(td -> td.getDomProperty("textContent")).toList();
    }

    private int nightly(Path config) throws Exception {
        return nightly.run(new CommandLine("nightly", Map.of("date", "2023-12-31")), load(config),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static JobsConfig load(Path config) {
        return ConfigLoader.withSystemEnvironment().load(config);
    }
}
