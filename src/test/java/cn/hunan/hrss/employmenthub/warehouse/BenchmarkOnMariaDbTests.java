package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.operations.Cli;
import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.Tools;
import cn.hunan.hrss.employmenthub.support.MariaDbWarehouseTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * {@code benchmark} runs end to end at a tiny size on MariaDB: it measures the limit, the plain step, the night (in a
 * process of its own, with its peak memory), the nothing-new night, the 1% delta and the delta after a history of such
 * nights, the first night of a dataset twice as large in a warehouse of its own (its peak memory), and writes them as
 * JSON, with the night's record count equal to the generated truth's and the delta night's
 * equal to the rows the change set touched. What the figures are is measured,
 * never asserted; that they exist, and that the warehouse must be empty, is.
 */
class BenchmarkOnMariaDbTests extends MariaDbWarehouseTest {

    @Autowired
    ApplicationContext context;

    @Test
    void measuresLimitPlainAndTheNightAndWritesThemAsJson() throws Exception {
        // given
        Path dir = Path.of("target", "benchmark-test");
        FileSystemUtils.deleteRecursively(dir);
        CommandLine cl = Cli.parse(new String[] {"benchmark", "--persons=400", "--counties=1", "--history-nights=2",
            "--memory-persons=800", "--out=" + dir});

        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Tools.find(cl).orElseThrow().run(cl, new PrintStream(out, true, StandardCharsets.UTF_8), context);

        // then
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("benchmark.json").toFile());
        assertThat(json.get("night_status").asText()).isIn("COMPLETED");
        assertThat(json.get("limit_rows_per_second").asLong()).isPositive();
        assertThat(json.get("plain_rows_per_second").asLong()).isPositive();
        assertThat(json.get("full_records_per_second").asLong()).isPositive();
        assertThat(json.get("nothing_new_status").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("nothing_new_seconds").asDouble()).isPositive();
        assertThat(jdbc.queryForObject("SELECT SUM(r.read_count) FROM etl_reconciliation r JOIN etl_run u ON "
                + "u.run_id = r.run_id WHERE u.run_date = '2024-01-01'", Long.class))
                .as("the next night reads nothing new").isZero();
        assertThat(jdbc.queryForObject("SELECT SUM(r.read_count) FROM etl_reconciliation r JOIN etl_run u ON "
                + "u.run_id = r.run_id WHERE u.run_date = '2023-12-31'", Long.class))
                .isEqualTo(json.get("records").asLong());
        assertThat(json.get("full_peak_rss_mb").asLong()).as("nightly ran in a process of its own").isPositive();
        assertThat(json.get("delta_status").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("history_delta_status").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("delta_rows_changed").asLong()).as("about 1% of the records").isBetween(1L,
                json.get("records").asLong() / 20);
        assertThat(json.get("delta_records").asLong()).as("the delta night reads what changed")
                .isEqualTo(json.get("delta_rows_changed").asLong());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_run WHERE status = 'SUCCEEDED'", Long.class))
                .as("first night, nothing new, delta, two history nights, the timed one").isEqualTo(6);
        assertThat(printed).contains("full/limit", "full/plain", "delta/full", "history/delta", "rss 800 persons / 400 persons");
        assertThat(json.get("memory_counties").asInt()).as("as many persons per county as the benchmark's own").isEqualTo(2);
        assertThat(json.get("memory_night_status").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("memory_records").asLong()).as("twice the persons").isGreaterThan(json.get("records").asLong() * 3 / 2);
        assertThat(json.get("memory_peak_rss_mb").asLong()).as("the larger night ran in a process of its own").isPositive();
        assertThat(json.get("memory_rss_over_full_rss").asDouble()).isPositive();
        assertThat(jdbc.queryForList("SHOW DATABASES LIKE '%\\_bench\\_mem%'", String.class))
                .as("the larger night's warehouse and county databases are dropped").isEmpty();

        // and a second benchmark on the same, no longer empty, warehouse is refused
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(Tools.find(cl).orElseThrow().run(cl, new PrintStream(again, true, StandardCharsets.UTF_8), context))
                .isNotZero();
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("the warehouse is not empty");
    }
}
