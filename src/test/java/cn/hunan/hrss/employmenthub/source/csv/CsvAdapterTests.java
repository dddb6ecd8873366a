package cn.hunan.hrss.employmenthub.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.UnreadableFileException;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvAdapterTests {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    @Test
    void gbkRegisterWithTitleSubtotalsBrokenQuotesAndBadBytesLoadsTheRestWithLineNumbers() throws Exception {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("耒阳市求职登记表（2023年）,,\r\n序号,姓名,身份证号\r\n1,张三,11010519491231002X\r\n,,\r\n".getBytes(GBK));
        out.write("2,\"李四,360426199101010071\r\n".getBytes(GBK));
        out.write("3,王五,110102199101010078\r\n4,".getBytes(GBK));
        out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.write(",150102198807303035\r\n小计,3人,\r\n5,\"赵,六\",44011320141005001X\r\n".getBytes(GBK));
        Path file = dir.resolve("persons.csv");
        Files.write(file, out.toByteArray());

        // when
        List<SourceRecord> records = readAll(file);

        // then
        assertThat(records).extracting(SourceRecord::line).containsExactly(3L, 5L, 6L, 7L, 9L);
        assertThat(records).extracting(SourceRecord::readError)
                .containsExactly(null, "READ_CSV_MALFORMED", null, "READ_ENCODING", null);
        assertThat(records.get(0).values()).containsEntry("姓名", "张三").containsEntry("身份证号", "11010519491231002X");
        assertThat(records.get(2).values()).containsEntry("姓名", "王五");
        assertThat(records.get(4).values()).containsEntry("姓名", "赵,六");
        assertThat(records.get(1).values()).containsEntry(SourceRecord.RAW_LINE, "2,\"李四,360426199101010071");
        assertThat(records.get(3).values().get(SourceRecord.RAW_LINE)).startsWith("4,").endsWith(",150102198807303035");
    }

    @Test
    void aQuoteStillOpenWhereTheFileEndsMakesTheFileIncompleteAndItsLinesAreStillRead() throws Exception {
        Path file = dir.resolve("persons.csv");
        Files.write(file, "标题,,\r\n序号,姓名,身份证号\r\n1,张三,11010519491231002X\r\n2,\"李四,3604\r\n3,王五,1101"
                .getBytes(GBK));

        try (RecordCursor cursor = open(file)) {
            List<SourceRecord> records = drain(cursor);

            assertThat(records).extracting(SourceRecord::readError).containsExactly(null, "READ_CSV_MALFORMED", null);
            assertThat(records.get(1).readDetail()).startsWith("a quoted value is still open where the file ends");
            assertThat(cursor.complete()).isFalse();
            assertThat(cursor.accounted()).isEqualTo(cursor.sourceCount().getAsLong()).isEqualTo(5);
        }
    }

    @Test
    void aHeaderNamingAMappedColumnTwiceMakesTheFileUnreadableButAnUnmappedTwinIsHarmless() throws Exception {
        Path twice = dir.resolve("persons.csv");
        Files.write(twice, "标题,,\r\n序号,姓名,姓名\r\n1,张三,李四\r\n".getBytes(GBK));
        assertThatThrownBy(() -> open(twice)).isInstanceOf(UnreadableFileException.class)
                .hasMessage("the header names the mapped column '姓名' twice (columns 2 and 3): which value is meant is unknown")
                .extracting(e -> ((UnreadableFileException) e).line()).isEqualTo(2L);

        Files.write(twice, "标题,,,\r\n序号,姓名,备注,备注\r\n1,张三,甲,乙\r\n".getBytes(GBK));
        try (RecordCursor cursor = open(twice)) {
            assertThat(drain(cursor)).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("姓名", "张三"));
        }
    }

    private RecordCursor open(Path file) throws Exception {
        EntityMapping mapping = new EntityMapping("person", null, null, null, "persons.csv", null, 2,
                new EntityMapping.SkipRows(true, null, "序号", "小计|合计"), null, Map.of("name", "姓名"), null, null, null);
        SourceDefinition source = new SourceDefinition("ly", null, SourceKind.CSV, "430481", null, null, null, null, null,
                new SourceDefinition.FileSettings("GBK", ",", 2, null), List.of(mapping), null);
        return new CsvAdapter().open(source, null, new ExtractUnit(EntityType.PERSON, mapping, "persons.csv", file, "sha"), null);
    }

    @Test
    void aRegistersTotalRowsArePassedOverByDefaultAndCountedAsSkipped() throws Exception {
        Path file = dir.resolve("persons.csv");
        Files.write(file, "序号,姓名,身份证号\r\n1,张三,11010519491231002X\r\n合计,1人,\r\n總計：,1,\r\n2,李四,360426199101010071\r\n"
                .getBytes(StandardCharsets.UTF_8));
        EntityMapping mapping = new EntityMapping("person", null, null, null, "persons.csv", null, 1, null, null,
                Map.of("name", "姓名"), null, null, null);
        SourceDefinition source = new SourceDefinition("ly", null, SourceKind.CSV, "430481", null, null, null, null, null,
                new SourceDefinition.FileSettings("UTF-8", ",", 1, null), List.of(mapping), null);
        try (RecordCursor cursor = new CsvAdapter().open(source, null, new ExtractUnit(EntityType.PERSON, mapping, "persons.csv",
                file, "sha"), null)) {
            assertThat(drain(cursor)).extracting(r -> r.values().get("姓名")).containsExactly("张三", "李四");
            assertThat(cursor.skipped()).isEqualTo(2);
        }
        EntityMapping kept = new EntityMapping("person", null, null, null, "persons.csv", null, 1,
                new EntityMapping.SkipRows(null, false, null, null), null, Map.of("name", "姓名"), null, null, null);
        try (RecordCursor cursor = new CsvAdapter().open(source, null, new ExtractUnit(EntityType.PERSON, kept, "persons.csv",
                file, "sha"), null)) {
            assertThat(drain(cursor)).as("skip-rows: {totals: false}").hasSize(4);
        }
    }

    @Test
    void aRowWithoutKeyWhoseNumbersAreTheColumnSumsIsATotalRow() throws Exception {
        // given: a liaison ledger with a subtotal after each month and a grand total, none of them labelled; and a
        // record without a key whose number is no sum
        Path file = dir.resolve("liaison.csv");
        Files.write(file, ("专员工号,信用代码,月份,人数\r\n"
                + "GH1,91430481MA4L000001,2023-01,3\r\nGH2,91430481MA4L000002,2023-01,\"1,200\"\r\n,,,1203\r\n"
                + "GH1,91430481MA4L000001,2023-02,4\r\nGH3,91430481MA4L000003,2023-02,6\r\n,,,10\r\n"
                + ",,,1213\r\n,91430481MA4L000004,2023-03,7\r\n").getBytes(StandardCharsets.UTF_8));
        EntityMapping mapping = new EntityMapping("liaison", null, null, null, "liaison.csv", null, 1, null, null,
                Map.of("specialist_code", "专员工号"), null, null, null);
        SourceDefinition source = new SourceDefinition("ly", null, SourceKind.CSV, "430481", null, null, null, null, null,
                new SourceDefinition.FileSettings("UTF-8", ",", 1, null), List.of(mapping), null);

        // when
        try (RecordCursor cursor = new CsvAdapter().open(source, null, new ExtractUnit(EntityType.LIAISON, mapping,
                "liaison.csv", file, "sha"), null)) {
            // then
            assertThat(drain(cursor)).extracting(r -> r.line()).containsExactly(2L, 3L, 5L, 6L, 9L);
            assertThat(cursor.skipped()).isEqualTo(3);
        }
    }

    private static List<SourceRecord> drain(RecordCursor cursor) throws Exception {
        List<SourceRecord> out = new ArrayList<>();
        SourceRecord r;
        while ((r = cursor.next()) != null) {
            out.add(r);
        }
        return out;
    }

    private List<SourceRecord> readAll(Path file) throws Exception {
        try (RecordCursor cursor = open(file)) {
            List<SourceRecord> out = drain(cursor);
            assertThat(cursor.skipped()).isEqualTo(2);
            return out;
        }
    }
}
