package cn.hunan.hrss.employmenthub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.EmploymentHubApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: exit codes, and the reason on the last line. */
class CommandLineTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private int run(String... args) {
        return EmploymentHubApplication.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private String lastLine() {
        String[] lines = output().strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void checkConfigAcceptsTheBundledDemo() {
        assertThat(run("check-config")).isZero();
        assertThat(lastLine()).startsWith("OK: 9 source system(s)");
        assertThat(output()).contains("430481-county-platform", "jdbc", "gig-market");
    }

    @Test
    void aBrokenConfigFailsCheckAndNightlyBeforeAnythingRuns() throws Exception {
        Files.createDirectories(dir.resolve("sources"));
        Files.writeString(dir.resolve("sources/bad.yml"), "id: bad\nkind: csv\nregion: \"430481\"\npriorty: 3\nentities: []\n");

        assertThat(run("check-config", "--config-dir=" + dir)).isEqualTo(ExitCodes.CONFIG);
        assertThat(output()).contains("sources/bad.yml: priorty: unknown key 'priorty'",
                "sources/bad.yml: entities: missing: list at least one entity");
        assertThat(lastLine()).startsWith("FAILED: jobs-config has 2 problem(s); nothing was run");

        buffer.reset();
        assertThat(run("nightly", "--config-dir=" + dir, "--date=2023-12-31")).isEqualTo(ExitCodes.CONFIG);
        assertThat(lastLine()).startsWith("FAILED:");
    }

    @Test
    void everyCommandExplainsItself() {
        assertThat(run("--help")).isZero();
        assertThat(output()).contains("check-config", "nightly", "generate", "status");
        buffer.reset();
        assertThat(run("nightly", "--help")).isZero();
        assertThat(output()).contains("--date=YYYY-MM-DD", "WAREHOUSE_JDBC_URL");
    }

    @Test
    void wrongUsageIsRefusedWithTheReason() {
        assertThat(run("nightlly")).isEqualTo(ExitCodes.USAGE);
        assertThat(lastLine()).contains("unknown command 'nightlly'; did you mean nightly?");
        buffer.reset();
        assertThat(run("generate", "--out=" + dir, "--countys=3")).isEqualTo(ExitCodes.USAGE);
        assertThat(lastLine()).contains("unknown option --countys for generate; did you mean --counties?");
        buffer.reset();
        assertThat(run("nightly", "--date")).isEqualTo(ExitCodes.USAGE);
        assertThat(lastLine()).contains("--date");
    }

    @Test
    void everyCommandHasItsHelpFromTheLibraryWithItsOptions() {
        for (String command : Cli.commands()) {
            buffer.reset();
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(output()).as(command).startsWith("Usage: java -jar target/employment-hub.jar " + command)
                    .contains("--config-dir=DIR", "-h, --help");
        }
        buffer.reset();
        assertThat(run("help", "reprocess")).isZero();
        assertThat(output()).contains("--dry-run", "--reason=TEXT", "scratch copy");
    }
}
