package cn.hunan.hrss.employmenthub.source.json;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonAdapterTests {

    @TempDir
    Path dir;

    @Test
    void lineDelimitedExportKeepsGoingPastABrokenLine() throws Exception {
        Path file = dir.resolve("matches.ndjson");
        Files.writeString(file, """
                {"market":"ZD1","worker":{"name":"李阿姨","idCard":"11010519491231002X"},"dailyWage":130,"meals":true}
                {"market":"ZD1","worker":

                {"market":"ZD2","worker":{"name":"王师傅","idCard":"110102199101010078"},"dailyWage":150.50}
                """);

        List<SourceRecord> records = readAll(file, null);

        assertThat(records).extracting(SourceRecord::line).containsExactly(1L, 2L, 4L);
        assertThat(records.get(1).readError()).isEqualTo("READ_JSON_MALFORMED");
        assertThat(records.get(0).values()).containsEntry("worker.idCard", "11010519491231002X")
                .containsEntry("dailyWage", "130").containsEntry("meals", "true");
        assertThat(records.get(2).values()).containsEntry("dailyWage", "150.5");
    }

    @Test
    void anArrayUnderATopLevelKeyIsStreamedElementByElement() throws Exception {
        Path file = dir.resolve("registrations.json");
        Files.writeString(file, """
                {"total": 2,
                 "data": [
                   {"realName": "张三", "tags": ["rural", "graduate"]},
                   {"realName": "李四", "tags": []}
                 ]}
                """);

        List<SourceRecord> records = readAll(file, "array");

        assertThat(records).extracting(r -> r.values().get("realName")).containsExactly("张三", "李四");
        assertThat(records.get(0).values()).containsEntry("tags", "rural,graduate");
        assertThat(records.get(0).line()).isEqualTo(3);
    }

    private List<SourceRecord> readAll(Path file, String format) throws Exception {
        EntityMapping mapping = new EntityMapping("gig_match", null, null, null, file.getFileName().toString(), null, null,
                null, null, Map.of(), null, null);
        SourceDefinition source = new SourceDefinition("gig", null, SourceKind.JSON, "43", null, null, null, null, null,
                new SourceDefinition.FileSettings(null, null, null, format), List.of(mapping), null);
        List<SourceRecord> out = new ArrayList<>();
        try (RecordCursor cursor = new JsonAdapter().open(source, null,
                new ExtractUnit(EntityType.GIG_MATCH, mapping, file.getFileName().toString(), file, "sha"), null)) {
            SourceRecord r;
            while ((r = cursor.next()) != null) {
                out.add(r);
            }
        }
        return out;
    }
}
