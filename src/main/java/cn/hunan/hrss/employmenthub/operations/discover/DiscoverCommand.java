package cn.hunan.hrss.employmenthub.operations.discover;

import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.FileSet;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import cn.hunan.hrss.employmenthub.source.xlsx.SheetRows;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code discover}: looks at a new source and writes a draft of its jobs-config YAML. A database
 * ({@code --jdbc-url=URL [--user=U] [--password-env=VAR] [--table=T,...]}, every table when none is named), files
 * ({@code --file=PATH[,PATH...]}: CSV, XLSX, JSON), or an already configured source ({@code --source=ID}, its
 * connection's tables or its files). {@code --entity}, {@code --id} and {@code --region} settle what discovery would
 * otherwise leave as TODO. The draft goes to {@code --out=DIR} as {@code <id>.yml}, else to standard output.
 */
public final class DiscoverCommand {

    private DiscoverCommand() {
    }

    public static int run(CommandLine cl, PrintStream out) {
        try {
            return discover(cl, out);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            out.println("FAILED: cannot be read: " + PiiMasker.mask(String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse("")));
            return ExitCodes.FAILED;
        }
    }

    private static int discover(CommandLine cl, PrintStream out) throws Exception {
        Path configDir = Path.of(cl.option("config-dir", "jobs-config")).toAbsolutePath().normalize();
        EntityType entity = cl.option("entity").map(e -> EntityType.byKey(e).orElseThrow(() ->
                new CommandLine.UsageException("unknown entity '" + e + "'"))).orElse(null);
        FieldGuess guess = new FieldGuess(LocalDate.now());
        String id = cl.option("id").orElse(null);
        String region = cl.option("region").orElse(null);
        String draft;
        if (cl.option("source").isPresent()) {
            JobsConfig config = ConfigLoader.withSystemEnvironment().load(configDir);
            SourceDefinition s = config.sources().stream().filter(x -> x.id().equals(cl.option("source").get())).findFirst()
                    .orElseThrow(() -> new CommandLine.UsageException("no source '" + cl.option("source").get() + "'"));
            id = id == null ? s.id() : id;
            region = region == null ? s.region() : region;
            if (SourceKind.JDBC.equals(s.kind())) {
                draft = database(guess, entity, id, region, s.connection().url(), s.connection().username(),
                        s.connection().password(), tables(cl), configDir);
            } else {
                List<String> files = new ArrayList<>();
                s.entities().forEach(m -> FileSet.expand(configDir, m.path()).forEach(f -> files.add(FileSet.label(configDir,
                        m.path(), f))));
                draft = files(guess, entity, id, region, files.stream().distinct().toList(), configDir);
            }
        } else if (cl.option("jdbc-url").isPresent()) {
            String password = cl.option("password-env").map(System::getenv).orElse("");
            draft = database(guess, entity, id, region, cl.option("jdbc-url").get(), cl.option("user", ""), password,
                    tables(cl), configDir);
        } else if (cl.option("file").isPresent()) {
            draft = files(guess, entity, id, region, Arrays.asList(cl.option("file").get().split(",")), configDir);
        } else {
            throw new CommandLine.UsageException("say what to look at: --jdbc-url=URL [--table=T], --file=PATH or --source=ID");
        }
        if (cl.option("out").isPresent()) {
            Path dir = Files.createDirectories(Path.of(cl.option("out").get()));
            Path file = dir.resolve((id == null ? "draft" : id) + ".yml");
            Files.writeString(file, draft, StandardCharsets.UTF_8);
            out.println("draft written to " + file + ": fill in every TODO, then check-config and preview --source=ID");
        } else {
            out.print(draft);
        }
        return ExitCodes.OK;
    }

    private static List<String> tables(CommandLine cl) {
        return cl.option("table").map(t -> Arrays.stream(t.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                .orElse(List.of());
    }

    private static String database(FieldGuess guess, EntityType entity, String id, String region, String url, String user,
                                   String password, List<String> tables, Path configDir) throws Exception {
        List<DraftWriter.Item> items = new ArrayList<>();
        for (Sample sample : Samples.tables(url, user, password, tables)) {
            items.add(new DraftWriter.Item(sample.label(), null, null, null, guess.propose(sample, entity)));
        }
        String shown = url.replace(configDir.toString(), "${CONFIG_DIR}");
        return DraftWriter.write(PiiMasker.mask(shown.replaceAll("(?i)(password=)[^;&]*", "$1***")), id, region,
                SourceKind.JDBC, shown, null, items);
    }

    private static String files(FieldGuess guess, EntityType entity, String id, String region, List<String> paths,
                                Path configDir) throws Exception {
        SourceKind kind = kind(paths.get(0));
        if (paths.stream().anyMatch(p -> !kind(p).equals(kind))) {
            throw new CommandLine.UsageException("one draft reads one kind of file: " + paths);
        }
        List<DraftWriter.Item> items = new ArrayList<>();
        SourceDefinition.FileSettings settings = null;
        for (String label : paths) {
            Path file = configDir.resolve(label).normalize();
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.UsageException("no file " + label + " (relative to " + configDir + ", or absolute)");
            }
            switch (kind.name()) {
                case "csv" -> {
                    SourceDefinition.FileSettings f = FileSniffer.csv(file);
                    settings = settings == null ? f : settings;
                    Integer header = f.headerRow().equals(settings.headerRow()) ? null : f.headerRow();
                    Sample sample = Samples.file(configDir, label, file, kind, f, null);
                    items.add(new DraftWriter.Item(null, label, null, header, guess.propose(sample, entity)));
                }
                case "json" -> {
                    settings = settings == null ? FileSniffer.json(file) : settings;
                    Sample sample = Samples.file(configDir, label, file, kind, settings, null);
                    items.add(new DraftWriter.Item(null, label, null, null, guess.propose(sample, entity)));
                }
                default -> {
                    for (String sheet : SheetRows.names(file)) {
                        int header = FileSniffer.xlsxHeaderRow(file, sheet);
                        Sample sample = Samples.file(configDir, label, file, kind, new SourceDefinition.FileSettings(null, null,
                                header, null), List.of(sheet));
                        if (!sample.columns().isEmpty()) {
                            items.add(new DraftWriter.Item(null, label, List.of(sheet), header, guess.propose(sample, entity)));
                        }
                    }
                }
            }
        }
        return DraftWriter.write(String.join(", ", paths), id, region, kind, null, settings, items);
    }

    private static SourceKind kind(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".xlsx") ? SourceKind.XLSX : p.endsWith(".json") || p.endsWith(".ndjson") || p.endsWith(".jsonl")
                ? SourceKind.JSON : SourceKind.CSV;
    }
}
