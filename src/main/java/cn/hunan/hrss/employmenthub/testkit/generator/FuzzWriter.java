package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Value;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * {@code generate --defects=fuzz}: six extra source systems, one of each kind (GBK CSV, UTF-8 CSV, NDJSON, JSON
 * array, XLSX, a database table), that deliver persons the hostile way: broken quoting, bytes of the other encoding,
 * byte-order marks, mixed line endings, empty, header-only and cut-off files, a header naming a column twice, JSON
 * nested past any record, non-records in an array, a workbook that is not one, formula and merged cells, dates as
 * numbers, 1 MB values, control and 4-byte characters, SQL and formula injection, full-width and spaced numbers. The
 * truth names every record that must be quarantined (source, file, line, rule) and counts those that must load.
 */
final class FuzzWriter {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "序号,姓名,性别,身份证号,联系电话,登记日期";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path config;
    private final Fakes f;
    private final FuzzCases cases;
    private final List<Map<String, Object>> bad = new ArrayList<>();
    private final Map<String, Long> badByRule = new TreeMap<>();
    private final Map<String, Long> goodBySource = new TreeMap<>();
    private final List<String> notRemembered = new ArrayList<>();
    private long records;
    private long plain;

    FuzzWriter(Path config, long seed, String county, Set<String> taken) {
        this.config = config;
        this.f = new Fakes(seed ^ 0x5EEDF022L);
        this.cases = new FuzzCases(f, county, taken);
    }

    /** Writes every fuzz source; the database table goes to {@code sourceDbUrl}'s statements, or to an H2 script. */
    SqlScript write() throws IOException {
        csvGbk();
        csvUtf8();
        ndjson();
        jsonArray();
        workbook();
        SqlScript script = table();
        sources();
        return script;
    }

    Map<String, Object> truth() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("records", records);
        t.put("hostile", records - plain);
        t.put("good_by_source", goodBySource);
        t.put("quarantined_by_rule", badByRule);
        t.put("not_remembered", notRemembered);
        t.put("quarantined", bad);
        return t;
    }

    // ---------------------------------------------------------------- CSV

    private void csvGbk() throws IOException {
        String source = "fuzz-csv-gbk";
        Path dir = Files.createDirectories(config.resolve("data/fuzz/csv-gbk"));
        List<Value> values = cases.values(EnumSet.of(Value.ASTRAL));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String file = "data/fuzz/csv-gbk/persons-a.csv";
        long line = 1;
        write(out, HEADER, GBK, "\r\n");
        for (int i = 1; i <= 3300; i++) {
            line++;
            String eol = f.chance(0.5) ? "\r\n" : "\n";
            if (i % 25 == 0 && i < 3280) {     // never within 20 lines of the end: that would be a file cut off
                Person p = cases.plain();
                write(out, i + ",\"" + p.name() + "," + p.gender() + "," + p.idNumber() + "," + p.phone() + "," + p.registered(),
                        GBK, eol);
                bad(source, file, line, "READ_CSV_MALFORMED");
            } else if (i % 53 == 0) {
                Person p = cases.plain();
                write(out, i + ",\"" + p.name() + "\"x\"\"," + p.gender() + "," + p.idNumber() + "," + p.phone() + ","
                        + p.registered(), GBK, eol);
                bad(source, file, line, "READ_CSV_MALFORMED");
            } else if (i % 57 == 0) {
                Person p = cases.plain();
                write(out, csvRow(i, p) + ",多出,一列", GBK, eol);
                bad(source, file, line, "READ_COLUMN_COUNT");
            } else if (i % 59 == 0) {
                Person p = cases.plain();
                String name = cases.undecodableName(StandardCharsets.UTF_8, GBK);
                out.write((i + ",").getBytes(GBK));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                write(out, "," + p.gender() + "," + p.idNumber() + "," + p.phone() + "," + p.registered(), GBK, eol);
                bad(source, file, line, "READ_ENCODING");
            } else if (i % 97 == 0) {
                write(out, ",,,,,", GBK, eol);     // a blank row: passed over, not read
                records--;
            } else {
                Person p = cases.person(f.pick(values));
                write(out, csvRow(i, p), GBK, eol);
                expect(source, file, line, p);
            }
            records++;
        }
        Files.write(dir.resolve("persons-a.csv"), out.toByteArray());
        Files.write(dir.resolve("persons-empty.csv"), new byte[0]);
        Files.write(dir.resolve("persons-header.csv"), (HEADER + "\r\n").getBytes(GBK));
        // a header naming a mapped column twice: the file as a whole is one read error
        ByteArrayOutputStream dup = new ByteArrayOutputStream();
        write(dup, "序号,姓名,姓名,性别,身份证号,联系电话,登记日期", GBK, "\r\n");
        for (int i = 1; i <= 10; i++) {
            Person p = cases.plain();
            write(dup, i + "," + p.name() + "," + f.personName() + "," + p.gender() + "," + p.idNumber() + "," + p.phone() + ","
                    + p.registered(), GBK, "\r\n");
        }
        Files.write(dir.resolve("persons-dup.csv"), dup.toByteArray());
        bad(source, "data/fuzz/csv-gbk/persons-dup.csv", 1, "READ_FILE");
        records++;
        notRemembered.add("data/fuzz/csv-gbk/persons-dup.csv");
        // cut off in the middle of a quoted value: the lines before it load, the file is not remembered
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        write(cut, HEADER, GBK, "\r\n");
        String cutFile = "data/fuzz/csv-gbk/persons-cut.csv";
        for (int i = 1; i <= 20; i++) {
            Person p = cases.plain();
            write(cut, csvRow(i, p), GBK, "\r\n");
            expect(source, cutFile, i + 1, p);
            records++;
        }
        Person p = cases.plain();
        cut.write(("21,\"" + p.name() + "," + p.gender() + "," + p.idNumber().substring(0, 9)).getBytes(GBK));
        bad(source, cutFile, 22, "READ_CSV_MALFORMED");
        records++;
        notRemembered.add(cutFile);
        Files.write(dir.resolve("persons-cut.csv"), cut.toByteArray());
    }

    private void csvUtf8() throws IOException {
        String source = "fuzz-csv-utf8";
        Path dir = Files.createDirectories(config.resolve("data/fuzz/csv-utf8"));
        List<Value> values = cases.values(EnumSet.noneOf(Value.class));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String file = "data/fuzz/csv-utf8/persons-bom.csv";
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        write(out, HEADER, StandardCharsets.UTF_8, "\n");
        long line = 1;
        for (int i = 1; i <= 2100; i++) {
            line++;
            String eol = f.chance(0.3) ? "\r\n" : "\n";
            if (i % 40 == 0) {
                Person p = cases.plain();
                String name = cases.undecodableName(GBK, StandardCharsets.UTF_8);
                out.write((i + ",").getBytes(StandardCharsets.UTF_8));
                out.write(name.getBytes(GBK));
                write(out, "," + p.gender() + "," + p.idNumber() + "," + p.phone() + "," + p.registered(), StandardCharsets.UTF_8,
                        eol);
                bad(source, file, line, "READ_ENCODING");
            } else if (i % 45 == 0 && i < 2080) {
                Person p = cases.plain();
                write(out, i + ",\"" + p.name() + "," + p.gender() + "," + p.idNumber() + "," + p.phone() + "," + p.registered(),
                        StandardCharsets.UTF_8, eol);
                bad(source, file, line, "READ_CSV_MALFORMED");
            } else {
                Person p = cases.person(i == 1001 || i == 2001 ? Value.HUGE : f.pick(values));
                write(out, csvRow(i, p), StandardCharsets.UTF_8, eol);
                expect(source, file, line, p);
            }
            records++;
        }
        Files.write(dir.resolve("persons-bom.csv"), out.toByteArray());
    }

    private static String csvRow(int no, Person p) {
        return no + "," + quote(p.name()) + "," + p.gender() + "," + quote(p.idNumber()) + "," + quote(p.phone()) + ","
                + p.registered();
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static void write(OutputStream out, String text, Charset charset, String eol) throws IOException {
        out.write((text + eol).getBytes(charset));
    }

    // ---------------------------------------------------------------- JSON

    private void ndjson() throws IOException {
        String source = "fuzz-ndjson";
        Path dir = Files.createDirectories(config.resolve("data/fuzz/ndjson"));
        List<Value> values = cases.values(EnumSet.noneOf(Value.class));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String file = "data/fuzz/ndjson/persons-a.ndjson";
        long line = 0;
        for (int i = 1; i <= 2900; i++) {
            line++;
            String eol = f.chance(0.3) ? "\r\n" : "\n";
            Person p = cases.plain();
            if (i % 41 == 0) {
                write(out, "{\"name\":\"" + p.name() + "\",\"idCard\":", StandardCharsets.UTF_8, eol);
                bad(source, file, line, "READ_JSON_MALFORMED");
            } else if (i % 43 == 0) {
                write(out, object(p).toString() + " " + object(cases.plain()), StandardCharsets.UTF_8, eol);
                bad(source, file, line, "READ_JSON_MALFORMED");
            } else if (i % 47 == 0) {
                write(out, "{\"name\":\"" + p.name() + "\",\"extra\":" + "[".repeat(1500) + "]".repeat(1500) + "}",
                        StandardCharsets.UTF_8, eol);
                bad(source, file, line, "READ_JSON_MALFORMED");
            } else if (i % 53 == 0) {
                write(out, String.valueOf(i), StandardCharsets.UTF_8, eol);
                bad(source, file, line, "READ_JSON_MALFORMED");
            } else if (i % 59 == 0) {
                out.write("{\"name\":\"".getBytes(StandardCharsets.UTF_8));
                out.write(cases.undecodableName(GBK, StandardCharsets.UTF_8).getBytes(GBK));
                write(out, "\",\"idCard\":\"" + p.idNumber() + "\"}", StandardCharsets.UTF_8, eol);
                bad(source, file, line, "READ_ENCODING");
            } else if (i % 61 == 0) {
                write(out, "   ", StandardCharsets.UTF_8, eol);     // blank: passed over
                records--;
            } else {
                Person v = cases.person(i == 1500 || i == 2500 ? Value.HUGE : f.pick(values));
                ObjectNode o = object(v);
                if (i % 67 == 0) {
                    ObjectNode nest = o.putObject("meta");
                    for (int d = 0; d < 200; d++) {
                        nest = nest.putObject("n");
                    }
                }
                write(out, o.toString(), StandardCharsets.UTF_8, eol);
                expect(source, file, line, v);
            }
            records++;
        }
        Files.write(dir.resolve("persons-a.ndjson"), out.toByteArray());
        Files.write(dir.resolve("persons-empty.ndjson"), new byte[0]);
    }

    private void jsonArray() throws IOException {
        String source = "fuzz-json";
        Path dir = Files.createDirectories(config.resolve("data/fuzz/json"));
        List<Value> values = cases.values(EnumSet.noneOf(Value.class));
        StringBuilder sb = new StringBuilder("[\n");
        String file = "data/fuzz/json/persons-a.json";
        int n = 1260;
        for (int i = 1; i <= n; i++) {
            long line = i + 1;
            String element;
            if (i % 40 == 0) {
                element = i % 80 == 0 ? "\"" + f.personName() + "\"" : "[" + i + "]";
                bad(source, file, line, "READ_JSON_MALFORMED");
            } else {
                Person p = cases.person(f.pick(values));
                element = object(p).toString();
                expect(source, file, line, p);
            }
            sb.append(element).append(i < n ? ",\n" : "\n");
            records++;
        }
        Files.writeString(dir.resolve("persons-a.json"), sb.append("]\n"), StandardCharsets.UTF_8);
        // cut off in the middle of an element: the elements before it load, the file is not remembered
        StringBuilder cut = new StringBuilder("[\n");
        String cutFile = "data/fuzz/json/persons-cut.json";
        for (int i = 1; i <= 20; i++) {
            Person p = cases.plain();
            cut.append(object(p)).append(",\n");
            expect(source, cutFile, i + 1, p);
            records++;
        }
        cut.append("{\"name\":\"").append(f.personName()).append("\",\"idCard\":\"4304");
        bad(source, cutFile, 22, "READ_JSON_MALFORMED");
        records++;
        notRemembered.add(cutFile);
        Files.writeString(dir.resolve("persons-cut.json"), cut, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("persons-html.json"), "<html><body>502 Bad Gateway</body></html>\n");
        bad(source, "data/fuzz/json/persons-html.json", 1, "READ_FILE");
        records++;
        notRemembered.add("data/fuzz/json/persons-html.json");
        Files.write(dir.resolve("persons-empty.json"), new byte[0]);
    }

    private static ObjectNode object(Person p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", p.name());
        o.put("idCard", p.idNumber());
        o.put("gender", p.gender());
        o.put("mobile", p.phone());
        o.put("regDate", p.registered());
        return o;
    }

    // ---------------------------------------------------------------- XLSX

    private void workbook() throws IOException {
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
                    good(source);
                    plain += p.value() == Value.PLAIN && i % 5 > 2 && i % 26 != 0 ? 1 : 0;   // only plain cells too
                } else {
                    bad(source, file, i + 1, rule);
                }
                records++;
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            wb.write(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("persons-header.xlsx"))) {
            header(wb.createSheet("名册").createRow(0));
            wb.write(out);
        }
        Files.writeString(dir.resolve("persons-not.xlsx"), HEADER + "\n1,张三,男\n", GBK);
        bad(source, "data/fuzz/xlsx/persons-not.xlsx", 1, "READ_FILE");
        records++;
        notRemembered.add("data/fuzz/xlsx/persons-not.xlsx");
    }

    private static void header(Row row) {
        String[] names = HEADER.split(",");
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    // ---------------------------------------------------------------- database

    private SqlScript table() {
        String source = "fuzz-jdbc";
        SqlScript s = new SqlScript();
        s.create("fuzz_ry", "xh INT PRIMARY KEY, xm VARCHAR(2000), sfzh VARCHAR(40), xb VARCHAR(4), lxdh VARCHAR(40), "
                + "djrq VARCHAR(40), gxsj DATETIME");
        List<Value> values = cases.values(EnumSet.noneOf(Value.class));
        LocalDateTime base = LocalDateTime.of(2023, 6, 1, 8, 0);
        for (int i = 1; i <= 1000; i++) {
            Person p = cases.person(f.pick(values));
            String name = p.name().replace("\u0000", "");
            s.insert("fuzz_ry", "xh, xm, sfzh, xb, lxdh, djrq, gxsj", i, name.isEmpty() ? null : name, p.idNumber(), p.gender(),
                    p.phone(), p.registered(), base.plusMinutes(i));
            expect(source, "fuzz_ry", i, p);
            records++;
        }
        return s;
    }

    // ---------------------------------------------------------------- config and truth

    private void sources() throws IOException {
        String persons = """
                    columns: {name: %s, id_number: %s, gender: %s, phone: %s, registered_on: %s}
                    constants: {channel: station}
                """;
        String csv = persons.formatted("姓名", "身份证号", "性别", "联系电话", "登记日期");
        String json = persons.formatted("name", "idCard", "gender", "mobile", "regDate");
        String head = """
                # generate --defects=fuzz: hostile %1$s files (see truth.json "fuzz")
                id: %2$s
                kind: %3$s
                region: "43"
                priority: 90
                error-limit: {count: 1000000, percent: 100}
                """;
        write("fuzz-csv-gbk.yml", head.formatted("GBK CSV", "fuzz-csv-gbk", "csv") + """
                file: {encoding: GBK, header-row: 1}
                entities:
                  - entity: person
                    path: data/fuzz/csv-gbk/persons-*.csv
                    skip-rows: {blank: true}
                """ + csv);
        write("fuzz-csv-utf8.yml", head.formatted("UTF-8 CSV", "fuzz-csv-utf8", "csv") + """
                file: {encoding: UTF-8, header-row: 1}
                entities:
                  - entity: person
                    path: data/fuzz/csv-utf8/persons-*.csv
                """ + csv);
        write("fuzz-ndjson.yml", head.formatted("NDJSON", "fuzz-ndjson", "json") + """
                file: {format: ndjson, encoding: UTF-8}
                entities:
                  - entity: person
                    path: data/fuzz/ndjson/persons-*.ndjson
                """ + json);
        write("fuzz-json.yml", head.formatted("JSON array", "fuzz-json", "json") + """
                file: {format: array, encoding: UTF-8}
                entities:
                  - entity: person
                    path: data/fuzz/json/persons-*.json
                """ + json);
        write("fuzz-xlsx.yml", head.formatted("XLSX", "fuzz-xlsx", "xlsx") + """
                entities:
                  - entity: person
                    path: data/fuzz/xlsx/persons-*.xlsx
                    sheet: 名册
                    header-row: 1
                """ + csv);
    }

    /** The database source, once its URL is known (an H2 script beside the files, or the server given). */
    void jdbcSource(String url, String table, String user) throws IOException {
        write("fuzz-jdbc.yml", """
                # generate --defects=fuzz: hostile values in a database table (see truth.json "fuzz")
                id: fuzz-jdbc
                kind: jdbc
                region: "43"
                priority: 90
                error-limit: {count: 1000000, percent: 100}
                connection:
                  url: "%s"
                  username: ${COUNTY_DB_USER:%s}
                  password: ${COUNTY_DB_PASSWORD:}
                entities:
                  - entity: person
                    table: %s
                    updated-at: gxsj
                    key: xh
                    columns: {name: xm, id_number: sfzh, gender: xb, phone: lxdh, registered_on: djrq}
                    constants: {channel: station}
                """.formatted(url, user, table));
    }

    private void write(String name, String text) throws IOException {
        Path file = config.resolve("sources/fuzz/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void expect(String source, String file, long line, Person p) {
        if (p.rule() == null) {
            good(source);
            if (p.value() == Value.PLAIN) {
                plain++;
            }
        } else {
            bad(source, file, line, p.rule());
        }
    }

    private void good(String source) {
        goodBySource.merge(source, 1L, Long::sum);
    }

    private void bad(String source, String file, long line, String rule) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source_id", source);
        row.put("file", file);
        row.put("line", line);
        row.put("rule", rule);
        bad.add(row);
        badByRule.merge(rule, 1L, Long::sum);
    }
}
