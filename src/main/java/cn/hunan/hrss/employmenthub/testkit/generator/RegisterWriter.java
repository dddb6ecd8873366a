package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.World.County;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Liaison;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Service;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Staff;
import cn.hunan.hrss.employmenthub.record.CodeTables;
import cn.hunan.hrss.employmenthub.validation.IdNumbers;
import cn.hunan.hrss.employmenthub.validation.Names;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * What village and community employment officers keep: GBK CSV registers with a title row, blank and
 * subtotal rows and hand-typed values, and an XLSX staff roster with the key-enterprise liaison sheet.
 */
final class RegisterWriter {

    private static final Charset GBK = Charset.forName("GBK");

    private final World w;
    private final Fakes f;
    private final Messy messy;
    private final Ledger ledger;

    RegisterWriter(World w, Fakes f, Ledger ledger) {
        this.w = w;
        this.f = f;
        this.messy = new Messy(f);
        this.ledger = ledger;
    }

    void personRegister(County c, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, c.name() + "基层就业服务平台求职登记表（2023年度）,,,,,,,,,");
        line(out, "序号,姓名,性别,身份证号,联系电话,文化程度,人员类别,居住地代码,登记日期,登记站点");
        int afterHeader = out.size();
        int n = 0;
        long lineNo = 3;    // line 3 is the line with a quote never closed, spliced in below
        for (Person p : w.persons) {
            if (!p.county().equals(c.code()) || !p.inStationRegister()) {
                continue;
            }
            String typed = id(p.id());
            line(out, ++n + "," + messy.name(p.name()) + "," + (p.gender().equals("1") ? "男" : "女") + ","
                    + typed + "," + messy.phone(p.phone()) + "," + Messy.educationLabel(p.education()) + ","
                    + Messy.categoryLabels(p.categories()) + "," + p.residence() + "," + messy.date(p.registered()) + ","
                    + p.station());
            lineNo++;
            ledger.valid("person", p.id());
            if (typed.strip().length() == 15 && w.countyDbKey(p) != null) {
                ledger.fuzzy(c.code() + "-station-register", null, "data/" + c.code() + "/register/" + file.getFileName(),
                        lineNo, IdNumbers.mask(p.id()), c.code() + "-county-platform", w.countyDbKey(p));
            }
            if (n % 40 == 0) {
                line(out, ",,,,,,,,,");
                lineNo++;
            }
            if (n % 50 == 0) {
                line(out, "小计,本页" + 50 + "人,,,,,,,,");
                lineNo++;
            }
        }
        Person any = w.persons.stream().filter(p -> p.county().equals(c.code())).findFirst().orElseThrow();
        for (int i = 0; i < 2; i++) {
            line(out, ++n + "," + f.personName() + ",男," + Messy.badCheck(newId(c)) + "," + f.mobile() + ",高中,,"
                    + any.residence() + ",2023-05-06," + any.station());
            ledger.reject("person", "ID_CHECK_DIGIT");
        }
        line(out, ++n + "," + f.personName() + ",女," + newId(c) + "," + f.mobile() + ",初中,," + any.residence()
                + ",2023年13月45日," + any.station());
        ledger.reject("person", "DATE_FORMAT");
        line(out, ++n + "," + f.personName() + ",女," + newId(c) + ",12345,初中,," + any.residence() + ",2023-07-01,"
                + any.station());
        ledger.reject("person", "PHONE_FORMAT");
        String child = f.idNumber(c.code(), java.time.LocalDate.of(2010, 5, 1), false, taken());
        line(out, ++n + "," + f.personName() + ",女," + child + "," + f.mobile() + ",初中,," + any.residence()
                + ",2023-06-01," + any.station());
        ledger.reject("person", "PERSON_AGE_UNDER_16");
        String elsewhere = w.counties.size() > 1 ? otherCountyHome(c) : "430102001001";
        line(out, ++n + "," + f.personName() + ",男," + newId(c) + "," + f.mobile() + ",初中,," + elsewhere
                + ",2023-06-02," + any.station());
        ledger.reject("person", "REGION_OUTSIDE_SOURCE");
        out.write((++n + ",").getBytes(GBK));
        out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.write((",男," + newId(c) + "," + f.mobile() + ",高中,," + any.residence() + ",2023-07-02," + any.station() + "\r\n")
                .getBytes(GBK));
        ledger.reject("person", "READ_ENCODING");
        line(out, ",,,,,,,,,");
        line(out, "合计," + n + "人,,,,,,,,");
        // a quote never closed, early in the file: at its end it would be a file cut off, not a malformed line
        ByteArrayOutputStream unclosed = new ByteArrayOutputStream();
        line(unclosed, ++n + ",\"" + f.personName() + "," + "女," + newId(c) + "," + f.mobile() + ",高中,," + any.residence()
                + ",2023-07-03," + any.station());
        ledger.reject("person", "READ_CSV_MALFORMED");
        byte[] all = out.toByteArray();
        try (var target = Files.newOutputStream(file)) {
            target.write(all, 0, afterHeader);
            unclosed.writeTo(target);
            target.write(all, afterHeader, all.length - afterHeader);
        }
    }

    /** An ID number as an officer typed it; a first-generation 15-digit form is flagged by the pipeline. */
    private String id(String id18) {
        String typed = messy.idNumber(id18);
        if (typed.strip().length() == 15) {
            ledger.warn("ID_15_CONVERTED");
        }
        return typed;
    }

    /** A valid ID number of nobody in the world, for records that must fail on another field. */
    private String newId(County c) {
        return f.idNumber(c.code(), f.date(java.time.LocalDate.of(1970, 1, 1), java.time.LocalDate.of(2000, 1, 1)), true, taken());
    }

    private java.util.Set<String> taken() {
        return w.ids;
    }

    private String otherCountyHome(County c) {
        return w.counties.stream().filter(x -> !x.code().equals(c.code()) && !x.homes().get(0).equals(x.code()))
                .findFirst().orElseThrow().homes().get(0);
    }

    void serviceRegister(County c, Path file) throws IOException {
        serviceRegister(c, file, null);
    }

    /**
     * The station's service ledger. Given the county platform ({@code platform}), a person the platform has is written
     * by the platform's key (人员序号) alone, as ledgers copied from the platform do.
     */
    void serviceRegister(County c, Path file, CountyDatabaseWriter platform) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, c.name() + "就业服务台账（2023年度）,,,,," + (platform == null ? "" : ","));
        line(out, "序号,身份证号," + (platform == null ? "" : "人员序号,") + "服务类型,服务日期,服务站点,工号");
        int n = 0;
        for (Service s : w.services) {
            if (s.person().county().equals(c.code()) && s.alsoInRegister()) {
                Integer key = platform == null ? null : platform.xh(s.person());
                line(out, ++n + "," + (key == null ? id(s.person().id()) : "") + "," + (platform == null ? ""
                        : (key == null ? "" : key) + ",")
                        + CountyDatabaseWriter.serviceLabel(s.type()) + ","
                        + messy.date(s.date()) + "," + s.station() + "," + s.staff());
                ledger.valid("service", CountyDatabaseWriter.serviceKey(s));
            }
        }
        Files.write(file, out.toByteArray());
    }

    static void line(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(GBK));
    }

    void staffWorkbook(County c, Path file) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(new Date(1_700_000_000_000L)));
            Sheet roster = wb.createSheet("专干名册");
            roster.createRow(0).createCell(0).setCellValue(c.name() + "就业服务人员名册");
            header(roster.createRow(1), "工号", "姓名", "岗位", "所在站点", "服务村社区代码", "专家级别", "联系电话");
            int r = 2;
            for (Staff s : w.staff) {
                if (s.county().equals(c.code())) {
                    row(roster.createRow(r++), s.code(), messy.name(s.name()), roleLabel(s.role()), s.station(), s.region(),
                            levelLabel(s.level()), messy.phone(s.phone()));
                    ledger.valid("staff", s.code());
                }
            }
            row(roster.createRow(r++), c.code() + "-GH99998", "", "就业专干", w.stations.get(0).code(), c.anyHome(), "无", f.mobile());
            ledger.reject("staff", "REQUIRED_MISSING");
            row(roster.createRow(r), c.code() + "-GH99999", f.personName(), "保安", w.stations.get(0).code(), c.anyHome(), "无",
                    f.mobile());
            ledger.reject("staff", "CODE_UNKNOWN");

            Sheet liaison = wb.createSheet("重点企业联系");
            header(liaison.createRow(0), "专员工号", "企业统一社会信用代码", "月份", "助企招工人数");
            int l = 1;
            for (Liaison x : w.liaisons) {
                if (x.enterprise().county().equals(c.code())) {
                    Row row = liaison.createRow(l++);
                    row(row, x.specialist(), x.enterprise().creditCode(), f.chance(0.5) ? x.month().toString().substring(0, 7)
                            : x.month().getYear() + "年" + x.month().getMonthValue() + "月");
                    row.createCell(3).setCellValue(x.recruits());
                    ledger.valid("liaison", x.specialist() + "|" + x.enterprise().creditCode() + "|" + x.month());
                }
            }
            Row unknown = liaison.createRow(l);
            String specialist = w.staff.stream().filter(s -> s.county().equals(c.code()) && s.role().equals("specialist"))
                    .findFirst().orElseThrow().code();
            row(unknown, specialist, f.creditCode(c.code(), new java.util.HashSet<>(credits())), "2023-07");
            unknown.createCell(3).setCellValue(5);
            ledger.park("liaison", "REF_ENTERPRISE_UNKNOWN");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private List<String> credits() {
        return w.employers.stream().map(World.Employer::creditCode).toList();
    }

    private static void header(Row row, String... names) {
        row(row, names);
    }

    private static void row(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    static String roleLabel(String role) {
        return CodeTables.codes("staff_role").get(role);
    }

    static String levelLabel(String level) {
        return switch (level) {
            case "provincial" -> "省级专家";
            case "city" -> "市级专家";
            case "county" -> "县级专家";
            default -> "无";
        };
    }

}
