package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.record.CanonicalRecord;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.record.Violation;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;
import cn.hunan.hrss.employmenthub.source.SourceAdapters;
import cn.hunan.hrss.employmenthub.source.UnreadableFileException;
import cn.hunan.hrss.employmenthub.source.Watermarks;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import cn.hunan.hrss.employmenthub.validation.RecordStandardiser;
import cn.hunan.hrss.employmenthub.warehouse.ShownKeys;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code preview --source=ID [--limit=N] [--entity=E] [--date=D]}: the first N records of each entity of a source,
 * read through its mapping, standardised and validated as the night would, each printed (masked) with the rules it
 * breaks, then a count per rule. Nothing is written anywhere, and no warehouse is needed: the checks of the merge
 * (references that have not arrived, matching) and of column widths are the night's.
 */
public final class PreviewCommand {

    private final SourceDefinition source;
    private final JobsConfig config;
    private final LocalDate runDate;
    private final int limit;
    private final PrintStream out;
    private final Map<String, Long> byRule = new TreeMap<>();
    private long read;
    private long rejected;
    private long warned;

    private PreviewCommand(SourceDefinition source, JobsConfig config, LocalDate runDate, int limit, PrintStream out) {
        this.source = source;
        this.config = config;
        this.runDate = runDate;
        this.limit = limit;
        this.out = out;
    }

    public static int run(CommandLine cl, JobsConfig config, PrintStream out) {
        String id = cl.option("source").orElseThrow(() -> new CommandLine.UsageException("--source=ID is required (sources: "
                + config.sources().stream().map(SourceDefinition::id).toList() + ")"));
        SourceDefinition source = config.sources().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                new CommandLine.UsageException("no source '" + id + "' (sources: " + config.sources().stream()
                        .map(SourceDefinition::id).toList() + ")"));
        int limit = cl.intOption("limit", 20);
        if (limit < 1) {
            throw new CommandLine.UsageException("--limit must be 1 or more");
        }
        LocalDate date = cl.option("date").map(LocalDate::parse).orElseGet(() -> config.defaults().today(Clock.systemUTC()));
        String entity = cl.option("entity").orElse(null);
        return new PreviewCommand(source, config, date, limit, out).preview(entity);
    }

    private int preview(String onlyEntity) {
        out.println("preview of " + source.id() + " (" + source.kind().name().toLowerCase() + "), the first " + limit
                + " record(s) of each entity, as of " + runDate + "; nothing is written");
        SourceAdapter adapter = SourceAdapters.forKind(source.kind());
        byte[] ephemeral = new byte[32];
        new SecureRandom().nextBytes(ephemeral);
        RecordStandardiser standardiser = new RecordStandardiser(source, config.defaults().dateFormats(), runDate,
                new PersonalData(ephemeral, false));
        try {
            List<ExtractUnit> units = adapter.plan(source, config, Watermarks.NONE, runDate);
            for (EntityMapping m : source.entities()) {
                if (onlyEntity == null || onlyEntity.equals(m.entity())) {
                    entity(adapter, standardiser, m, units.stream().filter(u -> u.mapping() == m).toList());
                }
            }
        } catch (Exception e) {
            out.println("FAILED: " + source.id() + " cannot be read: " + PiiMasker.mask(String.valueOf(e.getMessage())
                    .lines().findFirst().orElse("")));
            return ExitCodes.FAILED;
        } finally {
            try {
                adapter.close();
            } catch (Exception ignored) {
                // a look only
            }
        }
        out.println();
        out.printf("%d record(s): %d would load, %d of them with warnings; %d would be quarantined%n", read, read - rejected,
                warned, rejected);
        byRule.forEach((rule, n) -> out.printf("  %-30s %6d  %s%n", rule, n, Rule.valueOf(rule).description()));
        return ExitCodes.OK;
    }

    private void entity(SourceAdapter adapter, RecordStandardiser standardiser, EntityMapping m, List<ExtractUnit> units)
            throws Exception {
        out.println();
        out.println("== " + m.entity() + " (" + units.size() + " unit(s): " + units.stream().map(ExtractUnit::label).limit(3)
                .collect(Collectors.joining(", ")) + (units.size() > 3 ? ", …" : "") + ")");
        int shown = 0;
        for (ExtractUnit unit : units) {
            if (shown >= limit) {
                return;
            }
            try (RecordCursor cursor = adapter.open(source, config, unit, runDate)) {
                for (SourceRecord r = cursor.next(); r != null && shown < limit; r = cursor.next()) {
                    show(standardiser.standardise(r, m));
                    shown++;
                }
            } catch (UnreadableFileException e) {
                count(Rule.READ_FILE.name(), true);
                out.println(unit.label() + "  rejected  READ_FILE: " + PiiMasker.mask(e.getMessage()));
                shown++;
            }
        }
    }

    private void show(CanonicalRecord c) {
        SourceRecord r = c.source();
        boolean reject = c.rejected();
        boolean warn = !reject && !c.violations().isEmpty();
        c.violations().forEach(v -> count(v.rule().name(), false));
        read++;
        rejected += reject ? 1 : 0;
        warned += warn ? 1 : 0;
        String shown = ShownKeys.shown(c.sourceKey());
        String key = shown == null ? "" : "  key " + shown;
        out.println(r.file() + ":" + r.line() + key + "  " + (reject ? "rejected" : warn ? "warning" : "ok")
                + (c.violations().isEmpty() ? "" : "  " + c.violations().stream().map(PreviewCommand::violation)
                .collect(Collectors.joining("; "))));
        if (r.readError() == null) {
            out.println("    " + fields(r.entity(), c.columns()));
        }
    }

    private void count(String rule, boolean record) {
        byRule.merge(rule, 1L, Long::sum);
        if (record) {
            read++;
            rejected++;
        }
    }

    private static String violation(Violation v) {
        return v.rule().name() + (v.field() == null ? "" : " " + v.field()) + (v.detail() == null ? ""
                : ": " + PiiMasker.mask(v.detail()));
    }

    /** The canonical values, personal ones masked, empty ones left out. */
    private static String fields(EntityType e, Map<String, Object> columns) {
        StringBuilder line = new StringBuilder();
        for (Field f : e.fields()) {
            Object v = columns.get(f.personal() ? f.name() + "_masked" : f.name());
            if (v != null) {
                line.append(line.length() == 0 ? "" : "  ").append(f.name()).append('=').append(PiiMasker.mask(v.toString()));
            }
        }
        return line.toString();
    }
}
