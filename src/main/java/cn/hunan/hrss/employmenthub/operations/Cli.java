package cn.hunan.hrss.employmenthub.operations;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, on picocli: every command with its options, {@code --help} from the library (with the longer
 * text of {@link Help}), and unknown options and commands refused with the closest valid one. Parsed into a
 * {@link CommandLine} that the commands read; names, options and exit codes are as they were.
 */
public final class Cli {

    /** An option: {@code label} null for a flag. */
    record Opt(String name, String label, String help) {
    }

    private static final Opt REASON = new Opt("reason", "TEXT", "why: recorded in the admin history");
    private static final Map<String, List<Opt>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("check-config", List.of(new Opt("connect", null, "also check every mapping against the live sources")));
        COMMANDS.put("discover", List.of(new Opt("jdbc-url", "URL", "a database to look at"), new Opt("user", "USER",
                "its user"), new Opt("password-env", "VAR", "the environment variable holding its password"),
                new Opt("table", "T[,T...]", "only these tables (default: all)"), new Opt("file", "PATH[,PATH...]",
                "files to look at (csv, xlsx, json)"), new Opt("source", "ID", "a configured source's connection or files"),
                new Opt("entity", "ENTITY", "the entity every table or file holds (default: guessed)"),
                new Opt("id", "ID", "the new source's id"), new Opt("region", "CODE", "the division code it covers"),
                new Opt("out", "DIR", "write DIR/<id>.yml (default: standard output)")));
        COMMANDS.put("preview", List.of(new Opt("source", "ID", "the source system"), new Opt("limit", "N",
                "records per entity (default 20)"), new Opt("entity", "ENTITY", "only this entity"),
                new Opt("date", "YYYY-MM-DD", "the business date to check dates against (default: yesterday)")));
        COMMANDS.put("nightly", List.of(new Opt("date", "YYYY-MM-DD", "the business date (default: yesterday in the schedule's zone)"),
                new Opt("rerun", null, "read a completed date again as a new run"), REASON));
        COMMANDS.put("serve", List.of());
        COMMANDS.put("worker", List.of(new Opt("threads", "N", "partitions run at once (default 1)")));
        COMMANDS.put("reprocess", List.of(new Opt("source", "ID", "one source system"),
                new Opt("county", "CODE", "every enabled source of a county"), new Opt("entity", "ENTITY", "only this entity"),
                new Opt("from", "YYYY-MM-DD", "first business date"), new Opt("to", "YYYY-MM-DD", "last business date"),
                new Opt("reason", "TEXT", "why (required)"), new Opt("dry-run", null, "preview on a scratch copy, write nothing")));
        COMMANDS.put("recover", List.of(REASON));
        COMMANDS.put("generate", List.of(new Opt("out", "DIR", "where to write"), new Opt("counties", "N", "how many counties"),
                new Opt("persons", "N", "how many persons"), new Opt("seed", "N", "random seed"),
                new Opt("source-db-url", "JDBC_URL", "write the county databases there"),
                new Opt("profile", "PROFILE", "sample or province-2023"), new Opt("defects", "KIND", "fuzz: six hostile sources"),
                new Opt("vendor-keys", null, "county events name persons by the platform's own key (refs:)"),
                new Opt("walk-in-books", null, "walk-ins as monthly-sheet workbooks with village names"),
                new Opt("hard-walk-ins", null, "walk-ins with two or three mistakes at once, and hard decoys")));
        COMMANDS.put("benchmark", List.of(new Opt("persons", "N", "persons to generate (default 1000000)"),
                new Opt("counties", "N", "counties (default 3)"), new Opt("seed", "N", "random seed"),
                new Opt("delta-per-mille", "N", "records changed before a delta night, per mille (default 10)"),
                new Opt("history-nights", "N", "delta nights before the delta is timed again (default 30)"),
                new Opt("memory-persons", "N", "persons of the night whose peak RSS is set against the full night's "
                        + "(default 5000000; 0 skips it)"),
                new Opt("memory-counties", "N", "their counties (default: as many persons per county as --persons)"),
                new Opt("out", "DIR", "where the data and benchmark.json go (default target/benchmark)")));
        COMMANDS.put("status", List.of());
        COMMANDS.put("history", List.of(new Opt("limit", "N", "how many actions (default 50)")));
        COMMANDS.put("rules", List.of());
        COMMANDS.put("audit", List.of(new Opt("run", "ID", "the run (default: the latest that read anything)"),
                new Opt("out", "DIR", "where to write (default audit/run-ID)")));
        COMMANDS.put("marts", List.of(new Opt("rebuild", null, "rebuild every mart for every county")));
        COMMANDS.put("report", List.of(new Opt("year", "YYYY", "the year (default: last year)"),
                new Opt("out", "FILE", "the CSV to write"), new Opt("as-of", "YYYY-MM-DD", "count persons as of that date")));
        COMMANDS.put("matches", List.of(new Opt("review", null, "only those left for review"), new Opt("limit", "N", "how many"),
                new Opt("weights", null, "the match model a night decided with"), new Opt("run", "N", "with --weights: that night"),
                new Opt("truth", "FILE", "measure matching against a generated truth.json")));
        COMMANDS.put("split", List.of(new Opt("source", "ID", "the record's source"), new Opt("key", "KEY", "its key"), REASON));
        COMMANDS.put("accept", List.of(new Opt("source", "ID", "the record's source"), new Opt("key", "KEY", "its key"), REASON));
        COMMANDS.put("rotate-key", List.of(REASON));
        COMMANDS.put("hash-password", List.of());
    }

    private Cli() {
    }

    /** The command names, in the order help lists them. */
    public static List<String> commands() {
        return List.copyOf(COMMANDS.keySet());
    }

    /** Parses {@code COMMAND [--option=value ...]}; wrong usage is a {@link CommandLine.UsageException}. */
    public static CommandLine parse(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            return new CommandLine("help", args.length > 1 ? Map.of("command", args[1]) : Map.of());
        }
        picocli.CommandLine root = new picocli.CommandLine(CommandSpec.create().name("employment-hub"));
        COMMANDS.keySet().forEach(name -> root.addSubcommand(name, new picocli.CommandLine(spec(name))));
        try {
            ParseResult result = root.parseArgs(args);
            if (!result.hasSubcommand()) {
                throw new CommandLine.UsageException("unexpected argument '" + args[0] + "' (a command comes first)");
            }
            ParseResult command = result.subcommand();
            Map<String, String> options = new LinkedHashMap<>();
            for (OptionSpec o : command.matchedOptions()) {
                String name = o.longestName().substring(2);
                options.put(name, o.arity().max() == 0 ? "true" : String.valueOf((Object) o.getValue()));
            }
            return new CommandLine(command.commandSpec().name(), options);
        } catch (UnmatchedArgumentException e) {
            String first = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
            if (first.equals(args[0])) {
                throw new CommandLine.UsageException("unknown command '" + first + "'" + suggestion(e) + " (commands: "
                        + String.join(", ", COMMANDS.keySet()) + ")");
            }
            String name = first.startsWith("--") ? first.substring(0, first.indexOf('=') < 0 ? first.length() : first.indexOf('='))
                    : first;
            throw new CommandLine.UsageException((first.startsWith("-") ? "unknown option " + name : "unexpected argument '"
                    + first + "' (options look like --name=value)") + " for " + args[0] + suggestion(e));
        } catch (ParameterException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
    }

    /** The usage of one command, from picocli, with its longer explanation; the list of commands without one. */
    public static String usage(String command) {
        if (command == null || !COMMANDS.containsKey(command)) {
            return Help.text("help");
        }
        StringWriter text = new StringWriter();
        CommandSpec spec = spec(command).name("java -jar target/employment-hub.jar " + command);
        new picocli.CommandLine(spec).usage(new PrintWriter(text));
        return text.toString().stripTrailing() + "\n\n" + Help.text(command);
    }

    private static CommandSpec spec(String command) {
        CommandSpec spec = CommandSpec.create().name(command);
        spec.usageMessage().abbreviateSynopsis(false);
        for (Opt o : COMMANDS.get(command)) {
            spec.addOption(option(o));
        }
        spec.addOption(option(new Opt("config-dir", "DIR", "jobs-config folder (default ./jobs-config)")));
        spec.addOption(OptionSpec.builder("--help", "-h").usageHelp(true).description("this help").build());
        return spec;
    }

    private static OptionSpec option(Opt o) {
        OptionSpec.Builder b = OptionSpec.builder("--" + o.name()).description(o.help());
        return (o.label() == null ? b.arity("0").type(boolean.class) : b.arity("1").paramLabel(o.label()).type(String.class))
                .build();
    }

    private static String suggestion(UnmatchedArgumentException e) {
        List<String> s = e.getSuggestions();
        return s == null || s.isEmpty() ? " (see --help)" : "; did you mean " + s.get(0) + "?";
    }
}
