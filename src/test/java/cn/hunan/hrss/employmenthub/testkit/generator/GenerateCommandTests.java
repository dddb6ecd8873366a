package cn.hunan.hrss.employmenthub.testkit.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTests {

    @TempDir
    Path a;
    @TempDir
    Path b;

    @Test
    void theSameSeedWritesTheSameFilesAndAValidConfiguration() throws Exception {
        GenerateCommand.generate(a, 2, 200, 11, null);
        GenerateCommand.generate(b, 2, 200, 11, null);

        List<Path> files = files(a);
        assertThat(files).hasSizeGreaterThan(15).isEqualTo(files(b));
        for (Path f : files) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        JobsConfig config = ConfigLoader.withSystemEnvironment().load(a.resolve("jobs-config"));
        assertThat(config.sources()).hasSize(2 * 3 + 3);
    }

    @Test
    void truthAccountsForEveryRecordWritten() throws Exception {
        GenerateCommand.generate(a, 1, 100, 5, null);
        JsonNode truth = new ObjectMapper().readTree(a.resolve("truth.json").toFile());

        long read = sum(truth.get("read"));
        long distinct = sum(truth.get("distinct"));
        long merged = sum(truth.get("merged"));
        long rejected = sum(truth.get("quarantined_by_rule"));
        long parked = sum(truth.get("parked"));
        assertThat(read).isEqualTo(distinct + merged + rejected + parked);
        assertThat(parked).isEqualTo(sum(truth.get("parked_by_rule"))).isPositive();
        assertThat(truth.get("distinct").get("person").asLong()).isEqualTo(100);
        assertThat(truth.get("quarantined_by_rule").properties()).hasSizeGreaterThanOrEqualTo(20);
    }

    private static long sum(JsonNode node) {
        return node.properties().stream().mapToLong(e -> e.getValue().asLong()).sum();
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
