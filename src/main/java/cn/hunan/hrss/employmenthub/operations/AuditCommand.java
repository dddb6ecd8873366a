package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.quality.AuditCsv;
import cn.hunan.hrss.employmenthub.quality.AuditData;
import cn.hunan.hrss.employmenthub.quality.AuditHtml;
import cn.hunan.hrss.employmenthub.quality.AuditQueries;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** {@code audit [--run=ID] [--out=DIR]}: the data-quality report of a run, as HTML and CSV. */
@Component
public class AuditCommand {

    private final AuditQueries queries;
    private final WarehouseMigrator migrator;

    public AuditCommand(AuditQueries queries, WarehouseMigrator migrator) {
        this.queries = queries;
        this.migrator = migrator;
    }

    public int run(CommandLine cl, PrintStream out) throws IOException {
        migrator.migrate();
        long runId = cl.option("run").map(AuditCommand::runId)
                .orElseGet(() -> queries.latestRun().orElseThrow(() -> new CommandLine.UsageException("no run yet: run 'nightly'")));
        Path dir = Path.of(cl.option("out", "audit/run-" + runId));
        Files.createDirectories(dir);
        Path html = write(queries.load(runId), dir);
        out.println("OK: audit of run " + runId + " written to " + html);
        return ExitCodes.OK;
    }

    /** Writes {@code audit.html} and the CSV files into {@code dir}; returns the HTML file. */
    public static Path write(AuditData data, Path dir) throws IOException {
        Path html = dir.resolve("audit.html");
        Files.writeString(html, AuditHtml.render(data), StandardCharsets.UTF_8);
        AuditCsv.write(data, dir);
        return html;
    }

    private static long runId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--run must be a run id, not '" + value + "'");
        }
    }
}
