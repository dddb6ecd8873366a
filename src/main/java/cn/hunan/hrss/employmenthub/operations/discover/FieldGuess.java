package cn.hunan.hrss.employmenthub.operations.discover;

import cn.hunan.hrss.employmenthub.record.Dates;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.record.FieldType;
import cn.hunan.hrss.employmenthub.record.Regions;
import cn.hunan.hrss.employmenthub.validation.CreditCodes;
import cn.hunan.hrss.employmenthub.validation.IdNumbers;
import cn.hunan.hrss.employmenthub.validation.Phones;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Proposes, for one table or file, the entity it holds and the canonical field of each column, where the column's name
 * or its values make it evident: the names Hunan's systems use (Chinese headers, pinyin initials such as {@code sfzh},
 * English API names such as {@code certNo}), and values that are valid ID numbers, phones, credit codes, division
 * codes or dates. What is not evident is left to a person, with what was seen.
 */
final class FieldGuess {

    /** A column's proposed field, or why none was chosen. */
    record Column(String column, String field, String note) {
    }

    /** The proposal for one table or file. */
    record Proposal(EntityType entity, boolean entityCertain, List<Column> columns, String key, String updatedAt) {

        Map<String, String> mapped() {
            Map<String, String> out = new LinkedHashMap<>();
            columns.stream().filter(c -> c.field() != null).forEach(c -> out.put(c.field(), c.column()));
            return out;
        }
    }

    private static final Map<String, List<String>> NAMES = new LinkedHashMap<>();
    private static final List<String> UPDATED_AT = List.of("gxsj", "更新时间", "修改时间", "xgsj", "updatetime", "updatedat",
            "modifytime", "lastmodified", "modified", "gmtmodified");
    private static final List<String> KEYS = List.of("xh", "序号", "编号", "id", "bh", "rowid", "人员序号");

    static {
        names(List.of("id_number", "person_id_number", "worker_id_number"), "身份证号", "身份证号码", "身份证", "公民身份号码",
                "证件号码", "证件号", "sfzh", "sfzhm", "zjhm", "idcard", "idno", "idnumber", "certno", "cardno");
        names(List.of("name", "agency_name"), "姓名", "xm", "name", "realname", "人员姓名", "专干姓名");
        names(List.of("employer_name", "name", "agency_name"), "单位名称", "企业名称", "用人单位", "dwmc", "qymc",
                "companyname", "employername", "employer.name", "机构名称", "jgmc");
        names(List.of("name"), "站点名称", "zdmc", "stationname");
        names(List.of("title"), "岗位名称", "gwmc", "title", "jobtitle");
        names(List.of("gender"), "性别", "xb", "gender", "sex");
        names(List.of("birth_date"), "出生日期", "出生年月", "csrq", "birth", "birthday", "birthdate");
        names(List.of("phone"), "联系电话", "手机", "手机号", "手机号码", "电话", "lxdh", "sjhm", "mobile", "phone", "tel");
        names(List.of("household_region"), "户籍地", "户籍地代码", "户籍所在地", "户籍", "hjszd", "hjd", "household");
        names(List.of("residence_region"), "居住地", "居住地代码", "现居住地", "现住址", "jzd", "xzz", "residence");
        names(List.of("education"), "文化程度", "学历", "whcd", "xl", "education");
        names(List.of("categories"), "人员类别", "人员类型", "rylb", "category", "categories");
        names(List.of("employment_status"), "就业状态", "jyzt", "status");
        names(List.of("job_intention"), "求职意向", "qzyx", "intention");
        names(List.of("registered_on"), "登记日期", "登记时间", "djrq", "regtime", "registered", "regdate");
        names(List.of("station_code"), "站点编码", "站点代码", "登记站点", "服务站点", "所在站点", "zdbm", "station", "stationcode");
        names(List.of("station_type"), "站点类型", "zdlx", "stationtype");
        names(List.of("region"), "区划代码", "行政区划", "所在区划", "qhdm", "szqh", "region", "服务村社区代码", "就业地", "jyd");
        names(List.of("opened_on"), "成立日期", "clrq", "opened");
        names(List.of("credit_code", "employer_credit_code", "enterprise_credit_code", "agency_credit_code"),
                "统一社会信用代码", "社会信用代码", "信用代码", "tyshxydm", "shxydm", "creditcode", "uscc", "单位代码", "dwdm",
                "企业统一社会信用代码");
        names(List.of("industry"), "行业", "行业代码", "所属行业", "hydm", "industry");
        names(List.of("key_enterprise"), "重点企业", "是否重点企业", "zdqybz", "keyenterprise");
        names(List.of("staff_code", "specialist_code"), "工号", "gh", "staffcode", "专员工号", "人员工号");
        names(List.of("role"), "岗位", "职务", "role");
        names(List.of("expert_level"), "专家级别", "zjjb", "expertlevel");
        names(List.of("service_type"), "服务类型", "服务项目", "fwlx", "servicetype");
        names(List.of("served_on"), "服务日期", "服务时间", "fwrq", "servicedate", "servedon");
        names(List.of("started_on"), "入职日期", "就业日期", "上岗日期", "rzrq", "jyrq", "startdate");
        names(List.of("wage", "daily_wage"), "工资", "月工资", "薪资", "gz", "wage", "salary");
        names(List.of("daily_wage"), "日工资", "日薪", "dailywage", "rgz");
        names(List.of("pay_period"), "薪资周期", "工资周期", "计薪周期", "xzzq", "payperiod");
        names(List.of("channel"), "渠道", "就业渠道", "qd", "channel");
        names(List.of("form"), "就业形式", "用工形式", "jyxs", "form");
        names(List.of("insurance"), "社保", "是否参保", "参保", "sbbz", "insurance", "socialinsurance");
        names(List.of("market_code"), "市场编码", "零工市场", "market", "marketcode");
        names(List.of("task"), "工种", "任务", "task");
        names(List.of("work_date"), "工作日期", "用工日期", "workdate");
        names(List.of("meals"), "包餐", "是否包餐", "meals", "mealsincluded");
        names(List.of("posting_key"), "岗位编号", "gwbh", "postingid", "jobid");
        names(List.of("headcount"), "招聘人数", "zprs", "headcount");
        names(List.of("pay_min"), "薪资下限", "最低工资", "paymin", "salarymin");
        names(List.of("pay_max"), "薪资上限", "最高工资", "paymax", "salarymax");
        names(List.of("posted_on"), "发布日期", "fbrq", "postedon", "publishdate");
        names(List.of("expires_on"), "截止日期", "jzrq", "expireson", "deadline");
        names(List.of("recruit_month"), "月份", "招工月份", "yf", "month");
        names(List.of("recruits"), "助企招工人数", "招工人数", "zgrs", "recruits");
        names(List.of("report_year"), "年度", "报告年度", "nd", "year");
        names(List.of("staff"), "从业人员", "从业人数", "cyrs", "employees");
        names(List.of("revenue_10k"), "营业收入", "营业收入万元", "yysr", "revenue");
        names(List.of("persons_served"), "服务人数", "服务人次", "fwrs", "personsserved");
    }

    private static void names(List<String> fields, String... names) {
        for (String n : names) {
            NAMES.put(normal(n), fields);
        }
    }

    static String normal(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-（）()]", "");
    }

    private final LocalDate today;

    FieldGuess(LocalDate today) {
        this.today = today;
    }

    /** The proposal for a sample, for the entity given or, when null, the one its columns fit best. */
    Proposal propose(Sample sample, EntityType wanted) {
        if (wanted != null) {
            return proposeFor(sample, wanted, true);
        }
        Proposal best = null;
        for (EntityType e : EntityType.values()) {
            Proposal p = proposeFor(sample, e, false);
            boolean complete = e.fields().stream().filter(Field::required).allMatch(f -> p.mapped().containsKey(f.name()));
            if (complete && (best == null || p.mapped().size() > best.mapped().size())) {
                best = p;
            }
        }
        if (best != null) {
            return new Proposal(best.entity(), true, best.columns(), best.key(), best.updatedAt());
        }
        Proposal person = proposeFor(sample, EntityType.PERSON, false);
        return new Proposal(person.entity(), false, person.columns(), person.key(), person.updatedAt());
    }

    private Proposal proposeFor(Sample sample, EntityType e, boolean certain) {
        Map<String, String> taken = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        String updatedAt = null;
        for (String column : sample.columns()) {
            if (updatedAt == null && UPDATED_AT.contains(normal(column))) {
                updatedAt = column;
                continue;
            }
            String byName = byName(e, column, taken);
            if (byName != null) {
                taken.put(byName, column);
            }
        }
        for (String column : sample.columns()) {
            if (column.equals(updatedAt) || taken.containsValue(column)) {
                continue;
            }
            String field = byValues(e, sample.values(column), taken, notes, column);
            if (field != null) {
                taken.put(field, column);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (String column : sample.columns()) {
            String field = taken.entrySet().stream().filter(t -> t.getValue().equals(column)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            columns.add(new Column(column, field, field != null ? null : column.equals(updatedAt) ? "updated-at"
                    : notes.getOrDefault(column, describe(sample.values(column)))));
        }
        return new Proposal(e, certain, columns, key(sample, e, taken), updatedAt);
    }

    private static String byName(EntityType e, String column, Map<String, String> taken) {
        List<String> fields = NAMES.getOrDefault(normal(column), NAMES.get(normal(column.substring(column.lastIndexOf('.') + 1))));
        if (fields == null) {
            return null;
        }
        return fields.stream().filter(f -> e.field(f).isPresent() && !taken.containsKey(f)).findFirst().orElse(null);
    }

    /** A field the values make evident (80% or more of the sample), or null with a note of what they look like. */
    private String byValues(EntityType e, List<String> values, Map<String, String> taken, Map<String, String> notes,
                            String column) {
        if (values.isEmpty()) {
            return null;
        }
        String kind = mostly(values, v -> IdNumbers.check(v, today).valid()) ? "ID numbers"
                : mostly(values, v -> Phones.normalise(v) != null && v.replaceAll("\\D", "").length() >= 11) ? "phones"
                : mostly(values, v -> !(CreditCodes.check(v) instanceof cn.hunan.hrss.employmenthub.record.Rule)) ? "credit codes"
                : mostly(values, v -> v.matches("\\d{6,12}") && Regions.hunan().find(v).isPresent()) ? "division codes"
                : mostly(values, v -> new Dates(Dates.DEFAULT_FORMATS, false).parseDate(v) != null) ? "dates" : null;
        if (kind == null) {
            return null;
        }
        FieldType type = switch (kind) {
            case "ID numbers" -> FieldType.ID_NUMBER;
            case "phones" -> FieldType.PHONE;
            case "credit codes" -> FieldType.CREDIT_CODE;
            case "division codes" -> FieldType.REGION;
            default -> FieldType.DATE;
        };
        List<String> open = e.fields().stream().filter(f -> f.type() == type && !taken.containsKey(f.name()))
                .map(Field::name).toList();
        if (open.size() == 1 && type != FieldType.DATE && type != FieldType.REGION) {
            return open.get(0);
        }
        notes.put(column, "values look like " + kind + (open.isEmpty() ? "" : ": one of " + open + "?") + " e.g. "
                + example(values));
        return null;
    }

    private static boolean mostly(List<String> values, Predicate<String> test) {
        long ok = values.stream().limit(200).filter(v -> {
            try {
                return test.test(v);
            } catch (RuntimeException ex) {
                return false;
            }
        }).count();
        return ok >= Math.max(1, Math.ceil(Math.min(values.size(), 200) * 0.8));
    }

    private static String describe(List<String> values) {
        return values.isEmpty() ? "empty in the sample" : "e.g. " + example(values);
    }

    /** Up to three distinct sample values, masked where they are personal data. */
    private static String example(List<String> values) {
        return values.stream().distinct().limit(3).map(v -> cn.hunan.hrss.employmenthub.system.PiiMasker.mask(
                v.length() > 30 ? v.substring(0, 30) + "…" : v)).toList().toString();
    }

    /** The table's primary key, else a column named like a row number, else none (the match key serves). */
    private static String key(Sample sample, EntityType e, Map<String, String> taken) {
        if (sample.primaryKey().size() == 1) {
            return sample.primaryKey().get(0);
        }
        String personal = e.fields().stream().filter(Field::personal).map(f -> taken.get(f.name())).filter(c -> c != null)
                .findFirst().orElse(null);
        return sample.columns().stream().filter(c -> KEYS.contains(normal(c)) && !c.equals(personal))
                .filter(c -> unique(sample.values(c)) && !rowNumbers(sample.values(c))).findFirst().orElse(null);
    }

    private static boolean unique(List<String> values) {
        return !values.isEmpty() && values.stream().distinct().count() == values.size();
    }

    /** 1, 2, 3 …: a register's row numbers, which start again in every file and so identify nothing. */
    private static boolean rowNumbers(List<String> values) {
        return values.stream().allMatch(v -> v.matches("\\d{1,7}"));
    }
}
