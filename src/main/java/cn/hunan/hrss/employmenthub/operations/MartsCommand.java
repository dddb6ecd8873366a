package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.mart.HeadlineReport;
import cn.hunan.hrss.employmenthub.mart.MartRefresher;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/** {@code marts --rebuild} and {@code report --year=YYYY}: the downstream tables and the province's headline table. */
@Component
public class MartsCommand {

    private final MartRefresher refresher;
    private final HeadlineReport report;
    private final WarehouseMigrator migrator;

    public MartsCommand(MartRefresher refresher, HeadlineReport report, WarehouseMigrator migrator) {
        this.refresher = refresher;
        this.report = report;
        this.migrator = migrator;
    }

    public int rebuild(CommandLine cl, PrintStream out) {
        if (!cl.options().containsKey("rebuild")) {
            throw new CommandLine.UsageException("marts needs --rebuild (the nightly run refreshes what it touched)");
        }
        migrator.migrate();
        int counties = refresher.rebuildAll();
        out.println("OK: every mart rebuilt (" + counties + " county scopes)");
        return ExitCodes.OK;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.UsageException("--as-of must be YYYY-MM-DD, not '" + value + "'");
        }
    }

    public int report(CommandLine cl, PrintStream out) throws IOException {
        migrator.migrate();
        // the province's year, in its time zone (Hunan's is Asia/Shanghai whatever the server's is)
        int year = cl.intOption("year", LocalDate.now(java.time.ZoneId.of(
                cn.hunan.hrss.employmenthub.source.config.Defaults.Schedule.DEFAULT_ZONE)).getYear() - 1);
        LocalDate asOf = cl.option("as-of").map(MartsCommand::date).orElse(null);
        List<HeadlineReport.Line> lines = report.lines(year, asOf);
        out.println("湖南省基层公共就业服务 " + year + " (Hunan grassroots public employment service)"
                + (asOf == null ? "" : ", persons, services and placements as of " + asOf));
        for (HeadlineReport.Line l : lines) {
            out.printf("  %-72s %s%n", l.label(), l.value());
        }
        Path csv = Path.of(cl.option("out", "report-" + year + ".csv"));
        if (csv.getParent() != null) {
            Files.createDirectories(csv.getParent());
        }
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("year", "key", "figure", "value").get())) {
            w.write('\uFEFF');
            for (HeadlineReport.Line l : lines) {
                p.printRecord(year, l.key(), l.label(), l.value());
            }
        }
        out.println("OK: written to " + csv);
        return ExitCodes.OK;
    }
}
