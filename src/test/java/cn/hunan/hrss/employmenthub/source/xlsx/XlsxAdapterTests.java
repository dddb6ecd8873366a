package cn.hunan.hrss.employmenthub.source.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxAdapterTests {

    @TempDir
    Path dir;

    @Test
    void streamsANamedSheetBelowItsTitleRowWithDateAndNumberCells() throws Exception {
        // given: 20,000 officers under a title row, dates as real date cells
        Path file = dir.resolve("staff.xlsx");
        int rows = 20_000;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("其他");
            Sheet sheet = wb.createSheet("专干名册");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            sheet.createRow(0).createCell(0).setCellValue("耒阳市就业服务人员名册");
            Row header = sheet.createRow(1);
            header.createCell(0).setCellValue("工号");
            header.createCell(1).setCellValue("入职日期");
            header.createCell(2).setCellValue("人数");
            for (int i = 0; i < rows; i++) {
                Row r = sheet.createRow(i + 2);
                r.createCell(0).setCellValue("GH" + i);
                r.createCell(1).setCellValue(LocalDate.of(2023, 8, 1));
                r.getCell(1).setCellStyle(dateStyle);
                r.createCell(2).setCellValue(12);
            }
            wb.write(out);
        }
        EntityMapping mapping = new EntityMapping("staff", null, null, null, "staff.xlsx", java.util.List.of("专干名册"), 2, null, null,
                Map.of("staff_code", "工号"), null, null, null);
        SourceDefinition source = new SourceDefinition("ly-staff", null, SourceKind.XLSX, "430481", null, null, null, null,
                null, null, List.of(mapping), null);

        // when
        long count = 0;
        SourceRecord first = null;
        SourceRecord last = null;
        try (RecordCursor cursor = new XlsxAdapter().open(source, null,
                new ExtractUnit(EntityType.STAFF, mapping, "staff.xlsx", file, "sha"), null)) {
            SourceRecord r;
            while ((r = cursor.next()) != null) {
                first = first == null ? r : first;
                last = r;
                count++;
            }
            // the sheet's own count of its rows: title, header and records
            assertThat(cursor.sourceCount().getAsLong()).isEqualTo(cursor.accounted()).isEqualTo(rows + 2);
        }

        // then
        assertThat(count).isEqualTo(rows);
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.values()).containsEntry("工号", "GH0").containsEntry("入职日期", "2023-08-01").containsEntry("人数", "12");
        assertThat(last.line()).isEqualTo(rows + 2);
    }

    @Test
    void aFileThatIsNoWorkbookIsUnreadableAsAWholeButAMissingSheetIsAMappingProblem() throws Exception {
        Path text = Files.writeString(dir.resolve("staff.xlsx"), "序号,姓名\n1,张三\n");
        EntityMapping mapping = new EntityMapping("staff", null, null, null, "staff.xlsx", java.util.List.of("专干名册"), 1, null, null,
                Map.of("staff_code", "工号"), null, null, null);
        SourceDefinition source = new SourceDefinition("ly-staff", null, SourceKind.XLSX, "430481", null, null, null, null,
                null, null, List.of(mapping), null);
        ExtractUnit unit = new ExtractUnit(EntityType.STAFF, mapping, "staff.xlsx", text, "sha");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new XlsxAdapter().open(source, null, unit, null))
                .isInstanceOf(cn.hunan.hrss.employmenthub.source.UnreadableFileException.class)
                .hasMessageStartingWith("staff.xlsx: not a readable workbook");

        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(text)) {
            wb.createSheet("名册");
            wb.write(out);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new XlsxAdapter().open(source, null, unit, null))
                .isNotInstanceOf(cn.hunan.hrss.employmenthub.source.UnreadableFileException.class)
                .hasMessage("staff.xlsx: no sheet named '专干名册'");
    }

    @Test
    void aWorkbookOfMonthlySheetsIsReadSheetBySheetAndEachRecordNamesItsSheet() throws Exception {
        // given: twelve monthly sheets and a sheet of notes
        Path file = dir.resolve("walkins.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            for (int month = 1; month <= 12; month++) {
                Sheet sheet = wb.createSheet("2024年" + month + "月");
                sheet.createRow(0).createCell(0).setCellValue("姓名");
                for (int i = 1; i <= month; i++) {
                    sheet.createRow(i).createCell(0).setCellValue("来访" + month + "-" + i);
                }
            }
            wb.createSheet("填表说明").createRow(0).createCell(0).setCellValue("说明");
            wb.write(out);
        }
        JobsConfig config = new JobsConfig(dir, null, List.of(), List.of());

        // when
        List<ExtractUnit> byPattern = plan(config, List.of("2024年*"));
        List<ExtractUnit> byList = plan(config, List.of("2024年3月", "2024年10月"));
        List<ExtractUnit> all = plan(config, null);

        // then
        assertThat(byPattern).hasSize(12).extracting(ExtractUnit::label).startsWith("walkins.xlsx#2024年1月",
                "walkins.xlsx#2024年2月");
        assertThat(byPattern).extracting(ExtractUnit::fingerprint).doesNotHaveDuplicates();
        assertThat(byList).extracting(ExtractUnit::part).containsExactly("2024年3月", "2024年10月");
        assertThat(all).hasSize(13);
        List<String> positions = new java.util.ArrayList<>();
        long records = 0;
        for (ExtractUnit unit : byPattern) {
            try (RecordCursor cursor = new XlsxAdapter().open(source(List.of("2024年*")), config, unit, null)) {
                for (SourceRecord r = cursor.next(); r != null; r = cursor.next()) {
                    records++;
                    if (unit.part().equals("2024年12月")) {
                        positions.add(r.file() + ":" + r.line() + " " + r.values().get("姓名"));
                    }
                }
                assertThat(cursor.sourceCount()).hasValue(cursor.accounted());
            }
        }
        assertThat(records).isEqualTo(78);
        assertThat(positions).startsWith("walkins.xlsx#2024年12月:2 来访12-1");
    }

    private static SourceDefinition source(List<String> sheets) {
        EntityMapping m = new EntityMapping("person", null, null, null, "walkins.xlsx", sheets, 1, null, null,
                Map.of("name", "姓名"), null, null, null);
        return new SourceDefinition("walkins", null, SourceKind.XLSX, "430481", null, null, null, null, null, null, List.of(m),
                null);
    }

    private static List<ExtractUnit> plan(JobsConfig config, List<String> sheets) {
        return new XlsxAdapter().plan(source(sheets), config, new cn.hunan.hrss.employmenthub.source.Watermarks() {
            @Override
            public java.util.Optional<String> watermark(String sourceId, String entity) {
                return java.util.Optional.empty();
            }

            @Override
            public boolean fileLoaded(String sourceId, String entity, String sha256) {
                return false;
            }
        }, LocalDate.of(2024, 12, 31));
    }
}
