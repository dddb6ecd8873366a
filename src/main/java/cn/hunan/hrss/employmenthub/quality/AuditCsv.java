package cn.hunan.hrss.employmenthub.quality;

import cn.hunan.hrss.employmenthub.quality.AuditData.RuleLine;
import cn.hunan.hrss.employmenthub.quality.AuditData.Sample;
import cn.hunan.hrss.employmenthub.quality.AuditData.SourceLine;
import cn.hunan.hrss.employmenthub.quality.AuditData.UnitLine;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The audit's figures as CSV files (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese). */
public final class AuditCsv {

    private AuditCsv() {
    }

    public static List<Path> write(AuditData a, Path dir) throws IOException {
        Path sources = dir.resolve("sources.csv");
        try (CSVPrinter p = printer(sources, "run_id", "source_id", "entity", "read", "loaded", "merged", "quarantined", "parked",
                "held", "reject_rate", "load_rate")) {
            for (SourceLine s : a.sources()) {
                p.printRecord(a.run().id(), s.sourceId(), s.entity(), s.read(), s.loaded(), s.merged(), s.quarantined(), s.parked(),
                        s.held(), s.rejectRate(), s.loadRate());
            }
        }
        Path units = dir.resolve("units.csv");
        try (CSVPrinter p = printer(units, "run_id", "source_id", "entity", "unit", "counted_at_source", "records_read",
                "rows_skipped", "remembered")) {
            for (UnitLine u : a.units()) {
                p.printRecord(a.run().id(), u.sourceId(), u.entity(), u.unit(), u.counted(), u.read(), u.skipped(),
                        u.remembered() ? "yes" : "no");
            }
        }
        Path actions = dir.resolve("actions.csv");
        try (CSVPrinter p = printer(actions, "run_id", "acted_at", "actor", "via", "action", "target", "reason", "action_run_id",
                "outcome")) {
            for (var x : a.actions()) {
                p.printRecord(a.run().id(), x.actedAt(), x.actor(), x.via(), x.action(), x.target(), x.reason(), x.runId(),
                        x.outcome());
            }
        }
        Path rules = dir.resolve("rules.csv");
        try (CSVPrinter p = printer(rules, "run_id", "rule", "severity", "applies_to", "description", "records")) {
            for (RuleLine r : a.rules()) {
                p.printRecord(a.run().id(), r.rule(), r.severity(), r.entities(), r.description(), r.records());
            }
        }
        Path samples = dir.resolve("samples.csv");
        try (CSVPrinter p = printer(samples, "run_id", "rule", "source_id", "entity", "file", "line", "source_key", "field",
                "detail", "record_masked")) {
            for (var e : a.samples().entrySet()) {
                for (Sample s : e.getValue()) {
                    p.printRecord(a.run().id(), e.getKey(), s.sourceId(), s.entity(), s.file(), s.line(), s.sourceKey(), s.field(), s.detail(),
                            s.payloadMasked());
                }
            }
        }
        Path trend = dir.resolve("trend.csv");
        try (CSVPrinter p = printer(trend, "source_id", "run_id", "run_date", "read", "quarantined", "reject_rate")) {
            for (var e : a.trend().entrySet()) {
                for (AuditData.TrendPoint t : e.getValue()) {
                    p.printRecord(e.getKey(), t.runId(), t.runDate(), t.read(), t.quarantined(), t.rejectRate());
                }
            }
        }
        return List.of(sources, rules, samples, trend);
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).get());
    }
}
