package cn.hunan.hrss.employmenthub.source.json;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import java.nio.charset.StandardCharsets;
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

    @Test
    void aLineOfAnotherEncodingCostsThatLineAloneAndEveryLineIsAccountedFor() throws Exception {
        Path file = dir.resolve("matches.ndjson");
        try (var out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write("{\"market\":\"ZD1\",\"task\":\"搬运\"}\r\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"market\":\"ZD2\",\"task\":\"".getBytes(StandardCharsets.UTF_8));
            out.write("张三\"}\n".getBytes(java.nio.charset.Charset.forName("GBK")));   // D5C5 C8FD: no UTF-8
            out.write("{\"market\":\"ZD3\"} {\"market\":\"ZD4\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(("{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}\n").getBytes(StandardCharsets.UTF_8));
            out.write("{\"market\":\"ZD5\",\"task\":\"𠮷\"}\r{\"market\":\"ZD6\"}".getBytes(StandardCharsets.UTF_8));
        }

        List<SourceRecord> records = new ArrayList<>();
        long accounted;
        long held;
        try (RecordCursor cursor = open(file, null)) {
            SourceRecord r;
            while ((r = cursor.next()) != null) {
                records.add(r);
            }
            accounted = cursor.accounted();
            held = cursor.sourceCount().getAsLong();
        }

        assertThat(records).extracting(SourceRecord::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(records).extracting(SourceRecord::readError)
                .containsExactly(null, "READ_ENCODING", "READ_JSON_MALFORMED", "READ_JSON_MALFORMED", null, null);
        assertThat(records.get(0).values()).containsEntry("market", "ZD1");
        assertThat(records.get(3).readDetail()).contains("nest");
        assertThat(records.get(4).values()).containsEntry("task", "𠮷");
        assertThat(records.get(5).values()).containsEntry("market", "ZD6");
        assertThat(accounted).isEqualTo(held).isEqualTo(6);
    }

    @Test
    void anArrayElementThatIsNoRecordIsUnreadableAndTheRestStillLoad() throws Exception {
        Path file = dir.resolve("registrations.json");
        Files.writeString(file, """
                [{"realName": "张三"},
                 42,
                 ["x"],
                 {"realName": "李四"}]
                """);

        List<SourceRecord> records = new ArrayList<>();
        long held;
        long accounted;
        try (RecordCursor cursor = open(file, "array")) {
            SourceRecord r;
            while ((r = cursor.next()) != null) {
                records.add(r);
            }
            held = cursor.sourceCount().getAsLong();
            accounted = cursor.accounted();
            assertThat(cursor.complete()).isTrue();
        }

        assertThat(records).extracting(SourceRecord::readError).containsExactly(null, "READ_JSON_MALFORMED", "READ_JSON_MALFORMED", null);
        assertThat(records.get(1).readDetail()).isEqualTo("element 2 of the array is a single value, not a record");
        assertThat(records.get(3).values()).containsEntry("realName", "李四");
        assertThat(held).isEqualTo(accounted).isEqualTo(4);
    }

    @Test
    void anEmptyFileHoldsNoRecordsButAFileWithoutAnArrayIsUnreadableAsAWhole() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        assertThat(readAll(empty, "array")).isEmpty();

        Path html = Files.writeString(dir.resolve("error.json"), "<html>502 Bad Gateway</html>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readAll(html, "array"))
                .isInstanceOf(cn.hunan.hrss.employmenthub.source.UnreadableFileException.class)
                .hasMessageStartingWith("error.json: not JSON");
        Path object = Files.writeString(dir.resolve("object.json"), "{\"total\": 0}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readAll(object, "array"))
                .isInstanceOf(cn.hunan.hrss.employmenthub.source.UnreadableFileException.class)
                .hasMessage("object.json: expected a JSON array of records, found none");
    }

    private RecordCursor open(Path file, String format) throws Exception {
        EntityMapping mapping = new EntityMapping("gig_match", null, null, null, file.getFileName().toString(), null, null,
                null, null, Map.of(), null, null, null);
        SourceDefinition source = new SourceDefinition("gig", null, SourceKind.JSON, "43", null, null, null, null, null,
                new SourceDefinition.FileSettings(null, null, null, format), List.of(mapping), null);
        return new JsonAdapter().open(source, null,
                new ExtractUnit(EntityType.GIG_MATCH, mapping, file.getFileName().toString(), file, "sha"), null);
    }

    private List<SourceRecord> readAll(Path file, String format) throws Exception {
        List<SourceRecord> out = new ArrayList<>();
        try (RecordCursor cursor = open(file, format)) {
            SourceRecord r;
            while ((r = cursor.next()) != null) {
                out.add(r);
            }
        }
        return out;
    }
}
