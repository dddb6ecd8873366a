package cn.hunan.hrss.employmenthub.support;

import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.NightlyCommand;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/** What whole-application tests share, whichever warehouse they run on: the demo to copy, nights to run. */
public abstract class WarehouseTest {

    @Autowired
    protected NightlyCommand nightly;
    @Autowired
    protected WarehouseMigrator migrator;
    @Autowired
    protected JdbcTemplate jdbc;

    /** Copies the bundled demo's jobs-config (with its data) under {@code dir}, to be edited by the test. */
    protected static Path copyDemo(Path dir) throws IOException {
        Path config = dir.resolve("jobs-config");
        FileSystemUtils.deleteRecursively(config);
        FileSystemUtils.copyRecursively(Path.of("jobs-config"), config);
        return config;
    }

    /** Writes a hand-written file {@code file} (a path under {@code config}, folders made as needed) in UTF-8. */
    protected static void write(Path config, String file, String text) throws IOException {
        java.nio.file.Files.createDirectories(config.resolve(file).getParent());
        java.nio.file.Files.writeString(config.resolve(file), text, StandardCharsets.UTF_8);
    }

    /** A valid 18-digit ID number of {@code county}, born {@code birth} (yyyyMMdd), sequence {@code seq} (3 digits). */
    protected static String idNumber(String county, String birth, String seq) {
        String first17 = county + birth + seq;
        return first17 + cn.hunan.hrss.employmenthub.validation.IdNumbers.checkChar(first17);
    }

    /** What the {@code nightly} command printed, and its exit code. */
    public record Printed(int exit, String text) {

        /** The last line: the command's verdict. */
        public String lastLine() {
            String p = text.strip();
            return p.substring(p.lastIndexOf('\n') + 1);
        }
    }

    /** Runs the {@code nightly} command as an operator would, with flags such as {@code rerun}. */
    protected Printed nightlyCommand(Path config, String date, String... flags) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> options = new HashMap<>(Map.of("date", date));
        for (String flag : flags) {
            options.put(flag, "true");
        }
        int exit = nightly.run(new CommandLine("nightly", options), ConfigLoader.withSystemEnvironment().load(config),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Printed(exit, out.toString(StandardCharsets.UTF_8));
    }

    /** Runs the nightly job for a date over a jobs-config directory (a new run if that date already completed). */
    protected JobExecution night(Path config, LocalDate date) throws Exception {
        return nightly.launch(ConfigLoader.withSystemEnvironment().load(config), date);
    }
}
