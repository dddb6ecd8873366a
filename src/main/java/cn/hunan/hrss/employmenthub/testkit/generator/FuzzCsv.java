package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/** The fuzz sources' delimited files: a GBK register and a UTF-8 one with a byte-order mark (see {@link FuzzWriter}). */
final class FuzzCsv {

    static final Charset GBK = Charset.forName("GBK");
    static final String HEADER = "序号,姓名,性别,身份证号,联系电话,登记日期";

    private final Path config;
    private final Fakes f;
    private final FuzzCases cases;
    private final FuzzTruth truth;

    FuzzCsv(Path config, Fakes f, FuzzCases cases, FuzzTruth truth) {
        this.config = config;
        this.f = f;
        this.cases = cases;
        this.truth = truth;
    }

    void gbk() throws IOException {
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
                truth.bad(source, file, line, "READ_CSV_MALFORMED");
            } else if (i % 53 == 0) {
                Person p = cases.plain();
                write(out, i + ",\"" + p.name() + "\"x\"\"," + p.gender() + "," + p.idNumber() + "," + p.phone() + ","
                        + p.registered(), GBK, eol);
                truth.bad(source, file, line, "READ_CSV_MALFORMED");
            } else if (i % 57 == 0) {
                Person p = cases.plain();
                write(out, csvRow(i, p) + ",多出,一列", GBK, eol);
                truth.bad(source, file, line, "READ_COLUMN_COUNT");
            } else if (i % 59 == 0) {
                Person p = cases.plain();
                String name = cases.undecodableName(StandardCharsets.UTF_8, GBK);
                out.write((i + ",").getBytes(GBK));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                write(out, "," + p.gender() + "," + p.idNumber() + "," + p.phone() + "," + p.registered(), GBK, eol);
                truth.bad(source, file, line, "READ_ENCODING");
            } else if (i % 97 == 0) {
                write(out, ",,,,,", GBK, eol);     // a blank row: passed over, not read
                truth.unread();
            } else {
                Person p = cases.person(f.pick(values));
                write(out, csvRow(i, p), GBK, eol);
                truth.expect(source, file, line, p);
            }
            truth.read();
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
        truth.bad(source, "data/fuzz/csv-gbk/persons-dup.csv", 1, "READ_FILE");
        truth.read();
        truth.notRemembered("data/fuzz/csv-gbk/persons-dup.csv");
        // cut off in the middle of a quoted value: the lines before it load, the file is not remembered
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        write(cut, HEADER, GBK, "\r\n");
        String cutFile = "data/fuzz/csv-gbk/persons-cut.csv";
        for (int i = 1; i <= 20; i++) {
            Person p = cases.plain();
            write(cut, csvRow(i, p), GBK, "\r\n");
            truth.expect(source, cutFile, i + 1, p);
            truth.read();
        }
        Person p = cases.plain();
        cut.write(("21,\"" + p.name() + "," + p.gender() + "," + p.idNumber().substring(0, 9)).getBytes(GBK));
        truth.bad(source, cutFile, 22, "READ_CSV_MALFORMED");
        truth.read();
        truth.notRemembered(cutFile);
        Files.write(dir.resolve("persons-cut.csv"), cut.toByteArray());
    }

    void utf8() throws IOException {
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
                truth.bad(source, file, line, "READ_ENCODING");
            } else if (i % 45 == 0 && i < 2080) {
                Person p = cases.plain();
                write(out, i + ",\"" + p.name() + "," + p.gender() + "," + p.idNumber() + "," + p.phone() + "," + p.registered(),
                        StandardCharsets.UTF_8, eol);
                truth.bad(source, file, line, "READ_CSV_MALFORMED");
            } else {
                Person p = cases.person(i == 1001 || i == 2001 ? Value.HUGE : f.pick(values));
                write(out, csvRow(i, p), StandardCharsets.UTF_8, eol);
                truth.expect(source, file, line, p);
            }
            truth.read();
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

    static void write(OutputStream out, String text, Charset charset, String eol) throws IOException {
        out.write((text + eol).getBytes(charset));
    }
}
