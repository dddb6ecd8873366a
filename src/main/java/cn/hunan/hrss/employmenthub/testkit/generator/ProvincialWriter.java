package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.World.Agency;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Employer;
import cn.hunan.hrss.employmenthub.testkit.generator.World.GigMatch;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Posting;
import cn.hunan.hrss.employmenthub.validation.CreditCodes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Province-wide systems: the gig-matching system's NDJSON export, the online platform's JSON exports and
 * the HR service agencies' annual report (UTF-8 CSV).
 */
final class ProvincialWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final World w;
    private final Fakes f;
    private final Ledger ledger;
    /** Work dates as ISO-8601 date-times with an offset, as a platform's API exports them. */
    boolean isoTimes;

    ProvincialWriter(World w, Fakes f, Ledger ledger) {
        this.w = w;
        this.f = f;
        this.ledger = ledger;
    }

    /** Each line feeds two entities: the match, and the worker as a person registration. */
    void gigMatches(Path file) throws IOException {
        ObjectMapper compact = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (GigMatch g : w.gigMatches) {
                String line = compact.writeValueAsString(gigLine(++n, g, g.wage().toPlainString()));
                out.write(line + "\n");
                ledger.valid("gig_match", g.market() + "|" + g.worker().id() + "|" + g.date() + "|" + g.task());
                ledger.valid("person", g.worker().id());
                if (g.exportedTwice()) {
                    out.write(line + "\n");
                    ledger.valid("gig_match", g.market() + "|" + g.worker().id() + "|" + g.date() + "|" + g.task());
                    ledger.valid("person", g.worker().id());
                }
            }
            if (!w.gigMatches.isEmpty()) {
                for (int i = 0; i < 2; i++) {
                    GigMatch g = w.gigMatches.get(i % w.gigMatches.size());
                    out.write(compact.writeValueAsString(gigLine(++n, new GigMatch(g.market(), g.worker(), g.employerName(),
                            "夜班" + i, g.date(), g.wage(), false, false), "5000")) + "\n");
                    ledger.reject("gig_match", "NUMBER_RANGE");
                    ledger.valid("person", g.worker().id());
                }
            }
            out.write("{\"orderNo\": \"G-BROKEN\", \"market\": \n");
            ledger.reject("gig_match", "READ_JSON_MALFORMED");
            ledger.reject("person", "READ_JSON_MALFORMED");
            out.write("\n");
        }
    }

    private ObjectNode gigLine(int n, GigMatch g, String wage) {
        ObjectNode o = JSON.createObjectNode();
        o.put("orderNo", "G" + String.format("%07d", n));
        o.put("market", g.market());
        ObjectNode worker = o.putObject("worker");
        worker.put("name", g.worker().name());
        worker.put("idCard", g.worker().id());
        worker.put("phone", g.worker().phone());
        o.putObject("employer").put("name", g.employerName());
        o.put("task", g.task());
        o.put("workDate", isoTimes ? g.date() + String.format("T%02d:%02d:00+08:00", 8 + n % 10, n % 60) : g.date().toString());
        o.put("dailyWage", new java.math.BigDecimal(wage));
        o.put("mealsIncluded", g.meals());
        return o;
    }

    void onlineRegistrations(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (Person p : w.persons) {
            if (p.online()) {
                ObjectNode o = data.addObject();
                o.put("realName", p.name());
                o.put("idNo", p.id());
                o.put("mobile", f.chance(0.3) ? f.mobile() : p.phone());
                o.put("gender", p.gender().equals("1") ? "M" : "F");
                o.put("areaCode", p.residence());
                o.put("education", Messy.educationLabel(p.education()));
                o.put("regTime", p.registered() + " " + String.format("%02d:%02d:00", f.between(8, 22), f.between(0, 59)));
                ArrayNode tags = o.putArray("tags");
                p.categories().stream().filter(c -> !c.equals("difficulty")).forEach(tags::add);
                ledger.valid("person", p.id());
            }
        }
        ObjectNode bad = data.addObject();
        bad.put("realName", f.personName());
        bad.put("idNo", "4304811990010112");
        bad.put("mobile", f.mobile());
        bad.put("regTime", "2023-06-01 09:00:00");
        ledger.reject("person", "ID_FORMAT");
        root.put("total", data.size());
        JSON.writeValue(file.toFile(), root);
    }

    void onlineCompanies(Path file) throws IOException {
        ArrayNode data = JSON.createArrayNode();
        for (Employer e : w.employers) {
            if (e.online()) {
                ObjectNode o = data.addObject();
                o.put("companyName", e.name().replace("有限公司", "有限责任公司"));
                o.put("creditCode", e.creditCode().toLowerCase());
                o.put("district", e.county());
                ledger.valid("employer", e.creditCode());
            }
        }
        List<Employer> uniquelyNamed = w.employers.stream().filter(e -> w.employers.stream()
                .filter(o -> o.county().equals(e.county()) && o.name().equals(e.name())).count() == 1).limit(2).toList();
        for (Employer e : uniquelyNamed) {
            data.addObject().put("companyName", e.name().replace("有限公司", " 有限责任公司")).put("district", e.county());
            ledger.valid("employer", e.creditCode());
        }
        data.addObject().put("companyName", "从未登记的" + f.personName() + "商行有限公司").put("district", w.employers.get(0).county());
        ledger.park("employer", "EMPLOYER_UNMATCHED");
        Employer any = w.employers.get(0);
        String code = any.creditCode().substring(0, 17);
        char wrong = CreditCodes.ALPHABET.charAt((CreditCodes.ALPHABET.indexOf(CreditCodes.checkChar(code)) + 1) % 31);
        data.addObject().put("companyName", "无效代码公司").put("creditCode", code + wrong).put("district", any.county());
        ledger.reject("employer", "CREDIT_CHECK");
        String foreign = "91999999" + "ABCDEFGHJ";
        data.addObject().put("companyName", "未知地区公司").put("creditCode", foreign + CreditCodes.checkChar(foreign))
                .put("district", any.county());
        ledger.reject("employer", "CREDIT_DIVISION");
        JSON.writeValue(file.toFile(), data);
    }

    void onlinePostings(Path file) throws IOException {
        ArrayNode data = JSON.createArrayNode();
        for (Posting p : w.postings) {
            ObjectNode o = data.addObject();
            o.put("jobId", p.key());
            o.put("companyCode", p.employer().creditCode());
            o.put("title", p.title());
            o.put("count", p.headcount());
            o.put("salaryMin", p.payMin());
            o.put("salaryMax", p.payMax());
            o.put("salaryUnit", p.period().equals("month") ? "元/月" : "元/天");
            o.put("benefits", p.insured() ? "五险一金" : "无");
            o.put("area", p.employer().county());
            o.put("publishDate", p.posted().toString());
            o.put("expireDate", p.expires().toString());
            o.put("jobType", p.form().equals("full_time") ? "全职" : "兼职");
            ledger.valid("posting", p.key());
        }
        if (!w.postings.isEmpty()) {
            Posting p = w.postings.get(0);
            ObjectNode o = data.addObject();
            o.put("jobId", "XJY-BAD-EXPIRY");
            o.put("companyCode", p.employer().creditCode());
            o.put("title", p.title());
            o.put("count", 1);
            o.put("salaryMin", 3000);
            o.put("salaryMax", 4000);
            o.put("salaryUnit", "元/月");
            o.put("publishDate", "2023-06-01");
            o.put("expireDate", "2023-05-01");
            ledger.reject("posting", "POSTING_EXPIRY_BEFORE_POSTED");
        }
        JSON.writeValue(file.toFile(), data);
    }

    void agencyReport(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("机构统一社会信用代码,机构名称,年度,从业人员数,营业收入（万元）,服务人次,所在地\n");
        for (Agency a : w.agencies) {
            sb.append(String.join(",", List.of(a.creditCode(), a.name(), String.valueOf(a.year()), String.valueOf(a.staff()),
                    a.revenue10k().toPlainString(), String.valueOf(a.served()), a.county()))).append('\n');
            ledger.valid("agency_report", a.creditCode() + "|" + a.year());
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
