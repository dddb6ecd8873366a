package cn.hunan.hrss.employmenthub.mart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The province's headline table for a year, the figures a report like the seed article quotes, read from the
 * mart tables only.
 */
@Component
public class HeadlineReport {

    /** One figure: a stable key, its label, its value as printed. */
    public record Line(String key, String label, String value) {
    }

    private final JdbcTemplate jdbc;

    public HeadlineReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Line> lines(int year) {
        return lines(year, null);
    }

    /**
     * The headline table; with {@code asOf}, the figures about persons and their services and placements are those
     * the warehouse knew as of that date (from the persons' type-2 history and the events dated up to it), the
     * structural ones (platforms, staff, enterprises, agencies) stay current.
     */
    public List<Line> lines(int year, java.time.LocalDate asOf) {
        List<Line> out = new ArrayList<>();
        coverage(out, "street", "街道基层平台覆盖 streets with a grassroots platform");
        coverage(out, "township", "乡镇基层平台覆盖 towns and townships with a grassroots platform");
        coverage(out, "community", "社区基层平台覆盖 communities with a grassroots platform");
        coverage(out, "village", "行政村就业专干覆盖 administrative villages with an employment officer");
        out.add(new Line("officers", "就业专干 employment officers", String.valueOf(num(
                "SELECT COALESCE(SUM(officers), 0) FROM mart_platform_coverage WHERE scope_level = 'province'"))));
        for (String level : List.of("provincial", "city", "county")) {
            out.add(new Line("experts_" + level, level + " career-guidance experts 职业指导专家", String.valueOf(num(
                    "SELECT COALESCE(SUM(experts), 0) FROM mart_expert_team WHERE expert_level = ?", level))));
        }
        List<Map<String, Object>> best = jdbc.queryForList("SELECT m.persons_helped, m.person_times_311 FROM mart_311_officer m "
                + "JOIN wh_staff s ON s.staff_code = m.staff_code WHERE m.service_year = ? AND s.role = 'counsellor' "
                + "ORDER BY m.person_times_311 DESC, m.persons_helped DESC LIMIT 1", year);
        out.add(new Line("top_counsellor", "一名指导师服务人数/311服务人次 top counsellor: persons helped / 311 person-times",
                best.isEmpty() ? "-" : best.get(0).get("persons_helped") + " / " + best.get(0).get("person_times_311")));
        Map<String, Object> liaison = one("SELECT specialists, enterprises, recruits FROM mart_liaison_province "
                + "WHERE report_year = ?", year);
        out.add(new Line("specialists", "人社服务专员 liaison specialists", value(liaison, "specialists")));
        out.add(new Line("key_enterprises", "服务重点企业 key enterprises served", value(liaison, "enterprises")));
        out.add(new Line("recruits", "助企招工 recruits assisted", value(liaison, "recruits")));
        Map<String, Object> agencies = one("SELECT agencies, staff, revenue_10k, revenue_growth, persons_served "
                + "FROM mart_hr_agency_year WHERE report_year = ?", year);
        out.add(new Line("agencies", "人力资源服务机构 HR service agencies", value(agencies, "agencies")));
        out.add(new Line("agency_staff", "从业人员 agency staff", value(agencies, "staff")));
        out.add(new Line("agency_revenue", "营业收入（亿元） revenue, 100 million yuan", agencies == null ? "-"
                : decimal(agencies.get("revenue_10k")).movePointLeft(4).setScale(2, RoundingMode.HALF_UP).toPlainString()));
        out.add(new Line("agency_growth", "营业收入同比增长 revenue growth", agencies == null || agencies.get("revenue_growth") == null
                ? "-" : percent(decimal(agencies.get("revenue_growth")), 1)));
        out.add(new Line("agency_served", "服务人次（万） persons served, 10 thousand", agencies == null ? "-"
                : decimal(agencies.get("persons_served")).movePointLeft(4).setScale(1, RoundingMode.HALF_UP).toPlainString()));
        Map<String, Object> s311 = asOf == null ? one("SELECT SUM(difficulty_persons) AS persons, SUM(complete_persons) "
                + "AS complete FROM mart_311_county WHERE service_year = ?", year) : service311AsOf(year, asOf);
        out.add(new Line("difficulty_persons", "就业困难人员 employment-difficulty persons", value(s311, "persons")));
        out.add(new Line("complete_311", "完成311服务 persons with the full 311 service", value(s311, "complete")));
        Map<String, Object> placed = asOf == null ? one("SELECT SUM(placements) AS placements FROM mart_placement_month "
                + "WHERE placement_year = ?", year) : one("SELECT COUNT(*) AS placements FROM wh_placement WHERE "
                + "EXTRACT(YEAR FROM started_on) = ? AND started_on <= ?", year, asOf);
        out.add(new Line("placements", "就业 placements", value(placed, "placements")));
        return out;
    }

    /** Difficulty persons as of a date (their history row valid then) and how many had the full 311 service by then. */
    private Map<String, Object> service311AsOf(int year, java.time.LocalDate asOf) {
        return one("SELECT COUNT(*) AS persons, SUM(CASE WHEN t.recs >= 3 AND t.guid >= 1 AND t.train >= 1 THEN 1 ELSE 0 END) "
                + "AS complete FROM (SELECT h.person_key, "
                + "SUM(CASE WHEN s.service_type = 'recommendation' THEN 1 ELSE 0 END) AS recs, "
                + "SUM(CASE WHEN s.service_type = 'guidance' THEN 1 ELSE 0 END) AS guid, "
                + "SUM(CASE WHEN s.service_type = 'training' THEN 1 ELSE 0 END) AS train "
                + "FROM wh_person_history h LEFT JOIN wh_service s ON s.person_id_number_hash = h.person_key "
                + "AND EXTRACT(YEAR FROM s.served_on) = ? AND s.served_on <= ? "
                + "WHERE h.valid_from <= ? AND (h.valid_to IS NULL OR h.valid_to > ?) AND h.categories LIKE '%,difficulty,%' "
                + "GROUP BY h.person_key) t", year, asOf, asOf, asOf);
    }

    private void coverage(List<Line> out, String kind, String label) {
        Map<String, Object> row = one("SELECT units_total, units_covered, coverage_rate FROM mart_platform_coverage "
                + "WHERE scope_level = 'province' AND unit_kind = ?", kind);
        out.add(new Line("coverage_" + kind, label, row == null ? "-" : row.get("units_covered") + " / " + row.get("units_total")
                + " = " + percent(decimal(row.get("coverage_rate")), 1)));
    }

    private Map<String, Object> one(String sql, Object... args) {
        List<Map<String, Object>> rows = jdbc.queryForList(sql, args);
        return rows.isEmpty() || rows.get(0).values().stream().allMatch(v -> v == null) ? null : rows.get(0);
    }

    private long num(String sql, Object... args) {
        Number n = jdbc.queryForObject(sql, Number.class, args);
        return n == null ? 0 : n.longValue();
    }

    private static String value(Map<String, Object> row, String column) {
        return row == null || row.get(column) == null ? "-" : String.valueOf(row.get(column));
    }

    private static BigDecimal decimal(Object v) {
        return new BigDecimal(v.toString());
    }

    static String percent(BigDecimal fraction, int scale) {
        return fraction.movePointRight(2).setScale(scale, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
