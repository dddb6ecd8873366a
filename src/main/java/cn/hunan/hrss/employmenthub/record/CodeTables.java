package cn.hunan.hrss.employmenthub.record;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The national and provincial code tables, each a map from canonical code to label, with the synonyms
 * the province's systems commonly use. Sources add their own synonyms in jobs-config ({@code values:}).
 */
public final class CodeTables {

    private static final Map<String, Map<String, String>> CODES = new LinkedHashMap<>();
    private static final Map<String, Map<String, String>> SYNONYMS = new LinkedHashMap<>();

    static {
        table("gender", "0", "未知的性别", "1", "男", "2", "女", "9", "未说明的性别");
        synonyms("gender", "男性", "1", "m", "1", "male", "1", "女性", "2", "f", "2", "female", "2", "未知", "0");
        table("education", "10", "研究生", "20", "大学本科", "30", "大学专科", "40", "中等职业教育", "60", "普通高级中学",
                "70", "初级中学", "80", "小学", "90", "其他");
        synonyms("education", "博士", "10", "硕士", "10", "本科", "20", "大专", "30", "专科", "30", "高职", "30",
                "中专", "40", "中职", "40", "技校", "40", "职高", "40", "高中", "60", "初中", "70", "其它", "90", "文盲", "90");
        table("industry", "A", "农、林、牧、渔业", "B", "采矿业", "C", "制造业", "D", "电力、热力、燃气及水生产和供应业",
                "E", "建筑业", "F", "批发和零售业", "G", "交通运输、仓储和邮政业", "H", "住宿和餐饮业",
                "I", "信息传输、软件和信息技术服务业", "J", "金融业", "K", "房地产业", "L", "租赁和商务服务业",
                "M", "科学研究和技术服务业", "N", "水利、环境和公共设施管理业", "O", "居民服务、修理和其他服务业",
                "P", "教育", "Q", "卫生和社会工作", "R", "文化、体育和娱乐业", "S", "公共管理、社会保障和社会组织",
                "T", "国际组织");
        table("employment_status", "employed", "已就业", "unemployed", "失业", "seeking", "求职中", "flexible", "灵活就业");
        synonyms("employment_status", "就业", "employed", "在岗", "employed", "未就业", "unemployed", "待业", "unemployed");
        table("category", "difficulty", "就业困难人员", "unemployed", "失业人员", "graduate", "高校毕业生",
                "fisher", "退捕渔民", "poverty", "脱贫劳动力", "rural", "农村劳动力", "veteran", "退役军人", "disabled", "残疾人");
        synonyms("category", "困难人员", "difficulty", "就困", "difficulty", "失业", "unemployed", "毕业生", "graduate",
                "退捕", "fisher", "脱贫", "poverty", "农村", "rural", "退役", "veteran", "残疾", "disabled");
        table("service_type", "registration", "接待登记", "recommendation", "岗位推荐", "guidance", "职业指导",
                "training", "免费培训", "follow_up", "电话回访", "review", "审核", "referral", "推荐转发");
        synonyms("service_type", "登记", "registration", "推荐岗位", "recommendation", "职业指导服务", "guidance",
                "培训", "training", "职业培训", "training", "回访", "follow_up", "转发", "referral");
        table("station_type", "street_platform", "街道公共就业服务平台", "township_platform", "乡镇公共就业服务平台",
                "community_platform", "社区公共就业服务平台", "village_point", "村级就业服务点", "job_station", "就业驿站",
                "gig_market", "零工市场", "hr_station", "人力资源服务站");
        synonyms("station_type", "街道平台", "street_platform", "乡镇平台", "township_platform", "社区平台",
                "community_platform", "村服务点", "village_point", "驿站", "job_station");
        table("staff_role", "officer", "就业专干", "counsellor", "职业指导师", "specialist", "人社服务专员");
        synonyms("staff_role", "专干", "officer", "指导师", "counsellor", "服务专员", "specialist");
        table("expert_level", "provincial", "省级", "city", "市级", "county", "县级", "none", "无");
        synonyms("expert_level", "省级专家", "provincial", "市级专家", "city", "县级专家", "county");
        table("channel", "station", "基层平台", "gig_market", "零工市场", "online", "线上平台", "liaison", "企业联络",
                "county_platform", "县级平台");
        synonyms("channel", "零工", "gig_market", "网上", "online", "线上", "online", "专员", "liaison");
        table("form", "full_time", "全职", "part_time", "兼职", "gig", "零工");
        synonyms("form", "全日制", "full_time", "非全日制", "part_time", "灵活", "gig");
        table("pay_period", "month", "月", "day", "日", "hour", "小时");
        synonyms("pay_period", "元/月", "month", "月薪", "month", "天", "day", "元/天", "day", "日薪", "day",
                "时", "hour", "元/小时", "hour", "时薪", "hour");
    }

    private CodeTables() {
    }

    private static void table(String name, String... codeLabel) {
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, String> syn = new LinkedHashMap<>();
        for (int i = 0; i < codeLabel.length; i += 2) {
            codes.put(codeLabel[i], codeLabel[i + 1]);
            syn.put(fold(codeLabel[i]), codeLabel[i]);
            syn.put(fold(codeLabel[i + 1]), codeLabel[i]);
        }
        CODES.put(name, codes);
        SYNONYMS.put(name, syn);
    }

    private static void synonyms(String name, String... valueCode) {
        for (int i = 0; i < valueCode.length; i += 2) {
            SYNONYMS.get(name).put(fold(valueCode[i]), valueCode[i + 1]);
        }
    }

    private static String fold(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    public static Set<String> names() {
        return CODES.keySet();
    }

    public static boolean exists(String table) {
        return CODES.containsKey(table);
    }

    public static boolean isCode(String table, String code) {
        return CODES.containsKey(table) && CODES.get(table).containsKey(code);
    }

    /** The canonical code for a code, label or built-in synonym, if the table knows it. */
    public static Optional<String> lookup(String table, String value) {
        Map<String, String> syn = SYNONYMS.get(table);
        return syn == null ? Optional.empty() : Optional.ofNullable(syn.get(fold(value)));
    }

    public static Map<String, String> codes(String table) {
        return CODES.get(table);
    }
}
