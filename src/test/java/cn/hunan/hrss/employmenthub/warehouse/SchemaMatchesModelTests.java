package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One description of the entities: the Java model ({@code EntityType}'s fields, through {@code StagingColumns}) and the
 * warehouse's DDL ({@code sql/migration}) must name the same columns. A field added to one and not the other fails
 * here, by table and column. The columns every staging or golden table has for bookkeeping are listed once below.
 */
class SchemaMatchesModelTests extends H2WarehouseTest {

    private static final List<String> STAGING = List.of("id", "run_id", "source_id", "file_name", "line_no", "source_key",
            "priority", "src_updated_at", "match_key", "row_hash");
    private static final List<String> GOLDEN = List.of("match_key", "row_hash", "src_source_id", "src_priority",
            "src_updated_at", "created_run_id", "updated_run_id");

    @Test
    void everyStagingAndGoldenTableHasExactlyTheColumnsOfItsEntity() {
        migrator.migrate();
        List<String> differences = new ArrayList<>();
        for (EntityType e : EntityType.values()) {
            Set<String> staging = new LinkedHashSet<>(STAGING);
            staging.addAll(StagingColumns.staged(e));
            compare(e.stagingTable(), staging, differences);
            Set<String> golden = new LinkedHashSet<>(List.of(e.key() + "_id"));
            golden.addAll(GOLDEN);
            golden.addAll(StagingColumns.of(e));
            compare(e.goldenTable(), golden, differences);
        }
        assertThat(differences).isEmpty();
    }

    private void compare(String table, Set<String> model, List<String> differences) {
        Set<String> ddl = new TreeSet<>(jdbc.queryForList("SELECT LOWER(column_name) FROM information_schema.columns WHERE "
                + "LOWER(table_name) = ? AND LOWER(table_schema) = 'public'", String.class, table));
        assertThat(ddl).as(table + " exists").isNotEmpty();
        for (String c : model) {
            if (!ddl.contains(c.toLowerCase(Locale.ROOT))) {
                differences.add(table + "." + c + ": in the model, not in the DDL");
            }
        }
        for (String c : ddl) {
            if (model.stream().noneMatch(m -> m.equalsIgnoreCase(c))) {
                differences.add(table + "." + c + ": in the DDL, not in the model");
            }
        }
    }
}
