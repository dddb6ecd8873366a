package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The fuzz sources' workbooks: formula, merged and date cells, and a text file named .xlsx (see {@link FuzzWriter}). */
final class FuzzWorkbook {

    private final Path config;
    private final Fakes f;
    private final FuzzCases cases;
    private final FuzzTruth truth;

    FuzzWorkbook(Path config, Fakes f, FuzzCases cases, FuzzTruth truth) {
        this.config = config;
        this.f = f;
        this.cases = cases;
        this.truth = truth;
    }

    void write() throws IOException {
        String source = "fuzz-xlsx";
        Path dir = Files.createDirectories(config.resolve("data/fuzz/xlsx"));
        List<Value> values = cases.values(EnumSet.of(Value.CONTROL));
        String file = "data/fuzz/xlsx/persons-a.xlsx";
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("persons-a.xlsx"))) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("名册");
            header(sheet.createRow(0));
            for (int i = 1; i <= 1040; i++) {
                Row row = sheet.createRow(i);
                Person p = cases.person(f.pick(values));
                row.createCell(0).setCellValue(i);
                row.createCell(1).setCellValue(p.name());
                row.createCell(2).setCellValue(p.gender());
                row.createCell(3).setCellValue(p.idNumber());
                if (p.phone().matches("\\d{11}") && i % 3 == 0) {
                    row.createCell(4).setCellValue(Double.parseDouble(p.phone()));     // a phone typed as a number
                } else {
                    row.createCell(4).setCellValue(p.phone());
                }
                String rule = p.rule();
                if (p.rule() == null && i % 26 == 0) {
                    LocalDate d = LocalDate.parse(p.registered());
                    row.createCell(5).setCellValue(d.toEpochDay() + 25569.0);          // a date as a bare serial number
                } else if (p.rule() == null && i % 5 == 0) {
                    LocalDate d = LocalDate.parse(p.registered());
                    row.createCell(5).setCellFormula("DATE(" + d.getYear() + "," + d.getMonthValue() + "," + d.getDayOfMonth() + ")");
                    row.getCell(5).setCellStyle(date);
                } else if (p.rule() == null && i % 5 == 1) {
                    row.createCell(5).setCellValue(LocalDate.parse(p.registered()));
                    row.getCell(5).setCellStyle(date);
                } else if (p.rule() == null && i % 5 == 2) {
                    row.createCell(5).setCellValue(Double.parseDouble(p.registered().replace("-", "")));   // 20230501
                } else {
                    row.createCell(5).setCellValue(p.registered());
                }
                if (i % 31 == 0 && rule == null) {
                    // the gender merged over this row and the next: the next row's gender cell is empty, and optional
                    sheet.addMergedRegion(new CellRangeAddress(i, i + 1, 2, 2));
                }
                if (i % 31 == 1 && i > 1 && sheet.getMergedRegions().stream().anyMatch(m -> m.isInRange(row.getRowNum(), 2))) {
                    row.removeCell(row.getCell(2));
                }
                if (rule == null) {
                    truth.good(source);
                    truth.plain(p.value() == Value.PLAIN && i % 5 > 2 && i % 26 != 0);   // only plain cells too
                } else {
                    truth.bad(source, file, i + 1, rule);
                }
                truth.read();
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            wb.write(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("persons-header.xlsx"))) {
            header(wb.createSheet("名册").createRow(0));
            wb.write(out);
        }
        Files.writeString(dir.resolve("persons-not.xlsx"), FuzzCsv.HEADER + "\n1,张三,男\n", FuzzCsv.GBK);
        truth.bad(source, "data/fuzz/xlsx/persons-not.xlsx", 1, "READ_FILE");
        truth.read();
        truth.notRemembered("data/fuzz/xlsx/persons-not.xlsx");
    }

    private static void header(Row row) {
        String[] names = FuzzCsv.HEADER.split(",");
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }
}
