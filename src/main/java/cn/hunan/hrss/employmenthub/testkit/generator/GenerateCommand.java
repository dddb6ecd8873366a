package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.World.County;
import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code generate}: synthetic source systems for N real counties with their jobs-config and truth.json.
 * The same seed gives the same files.
 */
public final class GenerateCommand {

    public static final String RUN_DATE = "2023-12-31";
    /** The profile whose marts reproduce the seed article's end-2023 figures. */
    public static final String PROVINCE_2023 = "province-2023";

    private GenerateCommand() {
    }

    public static int run(CommandLine cl, PrintStream out) {
        String defects = cl.option("defects", "none");
        if (!defects.equals("none") && !defects.equals("fuzz")) {
            throw new CommandLine.UsageException("--defects must be none or fuzz");
        }
        String profile = cl.option("profile", "sample");
        if (!profile.equals("sample") && !profile.equals(PROVINCE_2023)) {
            throw new CommandLine.UsageException("--profile must be sample or " + PROVINCE_2023);
        }
        Path dir = Path.of(cl.option("out").orElseThrow(() -> new CommandLine.UsageException("--out=DIR is required")));
        int counties = cl.intOption("counties", 3);
        int persons = cl.intOption("persons", 900);
        long seed = cl.intOption("seed", 42);
        if (counties < 1 || counties > 134 || persons < (profile.equals(PROVINCE_2023) ? 134 : counties)) {
            throw new CommandLine.UsageException("--counties must be 1..134 and --persons at least one per county");
        }
        try {
            Map<String, Object> truth = generate(dir, profile.equals(PROVINCE_2023) ? 0 : counties, persons, seed,
                    cl.option("source-db-url").orElse(null), new Extras(defects.equals("fuzz"),
                            cl.option("vendor-keys").isPresent(), cl.option("walk-in-books").isPresent(),
                            cl.option("hard-walk-ins").isPresent()));
            out.println("generated " + (profile.equals(PROVINCE_2023) ? "the calibrated province (134 counties)" : counties
                    + " counties") + ", " + persons + " persons (seed " + seed + ") in " + dir);
            if (truth.get("fuzz") instanceof Map<?, ?> fuzz) {
                out.println("  fuzz:   " + fuzz.get("records") + " records in six hostile sources (" + fuzz.get("hostile")
                        + " hostile), " + ((List<?>) fuzz.get("quarantined")).size() + " to be quarantined: truth.json \"fuzz\"");
            }
            out.println("  config: " + dir.resolve("jobs-config") + "   truth: " + dir.resolve("truth.json"));
            out.println("  run:    java -jar target/employment-hub.jar nightly --config-dir=" + dir.resolve("jobs-config")
                    + " --date=" + truth.get("run_date"));
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            out.println("FAILED: cannot write the county databases: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** Generates {@code countyCount} sampled counties, or the calibrated province when {@code countyCount} is 0. */
    public static Map<String, Object> generate(Path dir, int countyCount, int personCount, long seed, String sourceDbUrl)
            throws IOException, SQLException {
        return generate(dir, countyCount, personCount, seed, sourceDbUrl, false);
    }

    /** With {@code fuzz}, also six hostile sources (one per kind) whose truth is under {@code "fuzz"}. */
    public static Map<String, Object> generate(Path dir, int countyCount, int personCount, long seed, String sourceDbUrl,
                                               boolean fuzz) throws IOException, SQLException {
        return generate(dir, countyCount, personCount, seed, sourceDbUrl, new Extras(fuzz, false));
    }

    /**
     * What a generation adds to the plain sample.
     *
     * @param fuzz six hostile sources (one per kind) whose truth is under {@code "fuzz"}
     * @param vendorKeys the county platforms' services and placements, and the station service ledgers, name a person
     *                   the platform has by the platform's key alone ({@code refs:}); gig work dates are ISO-8601 with
     *                   an offset; the platforms' orphan services carry a key no person has ({@code REF_KEY_UNKNOWN})
     * @param walkInBooks the stations' walk-in registers are workbooks of twelve monthly sheets that give the residence
     *                    as the village's name, a source of their own ({@code <county>-walkin-book})
     * @param hardWalkIns the walk-ins have two or three mistakes at once, with hard decoys ({@link HardWalkIns})
     */
    public record Extras(boolean fuzz, boolean vendorKeys, boolean walkInBooks, boolean hardWalkIns) {

        public Extras(boolean fuzz, boolean vendorKeys) {
            this(fuzz, vendorKeys, false, false);
        }

        public Extras(boolean fuzz, boolean vendorKeys, boolean walkInBooks) {
            this(fuzz, vendorKeys, walkInBooks, false);
        }
    }

    public static Map<String, Object> generate(Path dir, int countyCount, int personCount, long seed, String sourceDbUrl,
                                               Extras extras) throws IOException, SQLException {
        boolean fuzz = extras.fuzz();
        Fakes fakes = new Fakes(seed);
        World world = countyCount == 0 ? new WorldBuilder(fakes).buildProvince2023(personCount)
                : new WorldBuilder(fakes).build(countyCount, personCount);
        Ledger ledger = new Ledger();
        Path config = dir.resolve("jobs-config");
        Files.createDirectories(config);
        ConfigWriter configs = new ConfigWriter(config);
        configs.vendorKeys = extras.vendorKeys();
        configs.walkInBooks = extras.walkInBooks();
        configs.defaults(countyCount == 0);
        CountyDatabaseWriter db = new CountyDatabaseWriter(world, fakes, ledger, extras.vendorKeys());
        RegisterWriter registers = new RegisterWriter(world, fakes, ledger);
        WalkInWriter walkIns = new WalkInWriter(world, fakes, ledger);
        walkIns.hard = extras.hardWalkIns();
        for (County c : world.counties) {
            Path data = Files.createDirectories(config.resolve("data/" + c.code() + "/register"));
            String prefix = sourceDbUrl == null ? "" : "c" + c.code() + "_";
            String url;
            if (sourceDbUrl == null) {
                Path file = config.resolve("data/" + c.code() + "/county-db.sql");
                try (java.io.Writer script = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    countyDatabase(db, c, prefix, statement -> script.write(statement + ";\n"));
                }
                url = "jdbc:h2:mem:county" + c.code() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;INIT=RUNSCRIPT FROM '${CONFIG_DIR}/data/"
                        + c.code() + "/county-db.sql' CHARSET 'UTF-8'";
            } else {
                try (Connection connection = connect(sourceDbUrl); Statement statement = connection.createStatement()) {
                    countyDatabase(db, c, prefix, statement::execute);
                }
                url = sourceDbUrl;
            }
            configs.countyPlatform(c, url, prefix, sourceDbUrl == null ? "sa" : "root");
            registers.personRegister(c, data.resolve("persons-2023.csv"));
            registers.serviceRegister(c, data.resolve("services-2023.csv"), extras.vendorKeys() ? db : null);
            walkIns.write(c, data.resolve("walkins-2023.csv"), extras.walkInBooks() ? data.resolve("walkins-2023.xlsx") : null);
            registers.staffWorkbook(c, data.resolve("staff-2023.xlsx"));
            configs.stationRegister(c);
            if (extras.walkInBooks()) {
                configs.walkInBook(c);
            }
            configs.staffRegister(c);
        }
        ProvincialWriter provincial = new ProvincialWriter(world, fakes, ledger);
        provincial.isoTimes = extras.vendorKeys();
        provincial.gigMatches(Files.createDirectories(config.resolve("data/province/gig")).resolve("matches-2023.ndjson"));
        Path online = Files.createDirectories(config.resolve("data/province/online"));
        provincial.onlineRegistrations(online.resolve("registrations.json"));
        provincial.onlineCompanies(online.resolve("companies.json"));
        provincial.onlinePostings(online.resolve("postings.json"));
        provincial.agencyReport(Files.createDirectories(config.resolve("data/province/agency")).resolve("agency-annual-2023.csv"));
        configs.gigMarket();
        configs.onlinePlatform();
        configs.agencyReport();

        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("run_date", RUN_DATE);
        truth.put("seed", seed);
        truth.put("counties", world.counties.stream().map(County::code).toList());
        truth.put("read", ledger.read());
        truth.put("distinct", ledger.distinct());
        truth.put("merged", ledger.merged());
        truth.put("quarantined_by_rule", ledger.rejectedByRule());
        truth.put("warnings_by_rule", ledger.warningsByRule());
        truth.put("parked", ledger.parked());
        truth.put("parked_by_rule", ledger.parkedByRule());
        truth.put("fuzzy_persons", ledger.fuzzy());
        truth.put("marts", new TruthMarts(world).all());
        if (fuzz) {
            FuzzWriter fuzzWriter = new FuzzWriter(config, seed, world.counties.get(0).code(),
                    new java.util.HashSet<>(world.persons.stream().map(World.Person::id).toList()));
            SqlScript script = fuzzWriter.write();
            if (sourceDbUrl == null) {
                Files.writeString(config.resolve("data/fuzz/fuzz-db.sql"), script.text(), StandardCharsets.UTF_8);
                fuzzWriter.jdbcSource("jdbc:h2:mem:fuzz;MODE=MySQL;DATABASE_TO_LOWER=TRUE;INIT=RUNSCRIPT FROM "
                        + "'${CONFIG_DIR}/data/fuzz/fuzz-db.sql' CHARSET 'UTF-8'", "fuzz_ry", "sa");
            } else {
                execute(sourceDbUrl, script.statements());
                fuzzWriter.jdbcSource(sourceDbUrl, "fuzz_ry", "root");
            }
            // the fuzz persons are people of their own: the marts' truth above counts the base sources only
            truth.put("fuzz", fuzzWriter.truth());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("truth.json").toFile(), truth);
        return truth;
    }

    /** The county's database, statement by statement into {@code sink}: the failure of the server or file, as is. */
    private static void countyDatabase(CountyDatabaseWriter db, County c, String prefix, SqlScript.Sink sink)
            throws IOException, SQLException {
        try {
            db.write(c, prefix, sink);
        } catch (SqlScript.SinkFailure e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getenv().getOrDefault("COUNTY_DB_USER", "root"),
                System.getenv().getOrDefault("COUNTY_DB_PASSWORD", ""));
    }

    private static void execute(String url, List<String> statements) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
