package cn.hunan.hrss.employmenthub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.CodeTables;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.source.config.Defaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documents a newcomer reads name every rule, entity field, code table and configuration key there is. */
class DocumentationTests {

    @Test
    void readmeListsEveryRule() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Rule r : Rule.values()) {
            assertThat(readme).as(r.name()).contains("`" + r.name() + "`");
        }
    }

    @Test
    void jobsConfigReadmeDocumentsEveryFieldCodeTableAndKey() throws Exception {
        String doc = Files.readString(Path.of("jobs-config/README.md"));
        for (EntityType e : EntityType.values()) {
            assertThat(doc).contains("#### `" + e.key() + "`");
            for (Field f : e.fields()) {
                assertThat(doc).as(e.key() + "." + f.name()).contains("`" + f.name() + "`");
            }
        }
        CodeTables.names().forEach(t -> assertThat(doc).as(t).contains("| `" + t + "` |"));
        for (String key : List.of("id", "name", "kind", "region", "priority", "enabled", "date-formats", "error-limit",
                "connection.url", "connection.username", "connection.password", "connection.driver", "file.encoding",
                "file.delimiter", "file.header-row", "file.format", "entities[].entity", "entities[].table", "entities[].query",
                "entities[].updated-at", "entities[].path", "entities[].sheet", "entities[].header-row", "entities[].skip-rows",
                "entities[].key", "entities[].columns", "entities[].values", "entities[].constants", "run-error-limit",
                "park-days", "chunk-size", "parallelism", "matching", "survivorship", "connection.connect-timeout",
                "connection.read-timeout", "connection.lookback", "entities[].split-pk")) {
            assertThat(doc).as(key).contains("`" + key + "`");
        }
    }

    @Test
    void bothReadmesNameEveryMatchingWeight() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String doc = Files.readString(Path.of("jobs-config/README.md"));
        for (String weight : Defaults.Matching.DEFAULT_WEIGHTS.keySet()) {
            assertThat(readme).as(weight).contains("`" + weight + "`");
            assertThat(doc).as(weight).contains("`" + weight + "`");
        }
        for (String key : List.of("model", "auto-merge-probability", "review-probability", "rival-margin", "name-frequency",
                "probabilities", "auto-merge", "review", "weights")) {
            assertThat(doc).as(key).contains("`matching." + key + "`");
            assertThat(readme).as(key).contains("`matching." + key + "`");
        }
    }
}
