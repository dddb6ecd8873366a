package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import cn.hunan.hrss.employmenthub.operations.NightlyCommand;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A MySQL-family warehouse is never loaded with the public demo key. */
@SpringBootTest(properties = "hub.pii.key=")
@EnabledIfEnvironmentVariable(named = "WAREHOUSE_TEST_JDBC_URL", matches = ".+",
        disabledReason = "set WAREHOUSE_TEST_JDBC_URL to a MySQL-family server")
@DisabledIfEnvironmentVariable(named = "HUB_PII_KEY", matches = ".+", disabledReason = "HUB_PII_KEY is set here")
class DemoKeyRefusalTests {

    @Autowired
    NightlyCommand nightly;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("WAREHOUSE_TEST_JDBC_URL"));
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("WAREHOUSE_TEST_USERNAME", "root"));
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("WAREHOUSE_TEST_PASSWORD", ""));
    }

    @Test
    void theNightlyRunRefusesToStartWithoutARealKey() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = nightly.run(new CommandLine("nightly", Map.of("date", "2023-12-31")),
                ConfigLoader.withSystemEnvironment().load(Path.of("jobs-config")), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("FAILED: HUB_PII_KEY and HUB_MATCH_KEY must be set");
    }
}
