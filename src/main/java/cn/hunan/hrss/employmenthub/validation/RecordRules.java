package cn.hunan.hrss.employmenthub.validation;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Regions;
import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules across the fields of one record, applied after each field was standardised on its own: what the
 * ID number implies, plausible ages and wages, dates in the right order, a residence inside the source's area.
 */
final class RecordRules {

    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65", "71", "81", "82");
    private static final Map<String, BigDecimal[]> WAGE_LIMITS = Map.of(
            "month", new BigDecimal[] {BigDecimal.valueOf(1_000), BigDecimal.valueOf(100_000)},
            "day", new BigDecimal[] {BigDecimal.valueOf(50), BigDecimal.valueOf(2_000)},
            "hour", new BigDecimal[] {BigDecimal.valueOf(10), BigDecimal.valueOf(500)});

    private final String sourceRegion;

    /** @param sourceRegion the normalised division code the source covers */
    RecordRules(String sourceRegion) {
        this.sourceRegion = sourceRegion;
    }

    void check(EntityType entity, Map<String, Object> v, Set<String> given, List<Violation> out) {
        switch (entity) {
            case PERSON -> person(v, given, out);
            case POSTING -> {
                dateOrder(v, "posted_on", "expires_on", Rule.POSTING_EXPIRY_BEFORE_POSTED, out);
                BigDecimal min = (BigDecimal) v.get("pay_min");
                BigDecimal max = (BigDecimal) v.get("pay_max");
                if (min != null && max != null && min.compareTo(max) > 0) {
                    out.add(new Violation(Rule.PAY_RANGE_INVERTED, "pay_min", min + " > " + max));
                }
                wage(v, "pay_min", out);
                wage(v, "pay_max", out);
            }
            case PLACEMENT -> wage(v, "wage", out);
            default -> {
                // field rules suffice
            }
        }
        for (String name : List.of("credit_code", "employer_credit_code", "enterprise_credit_code", "agency_credit_code")) {
            if (v.get(name) instanceof String code && !knownDivision(code.substring(2, 8))) {
                out.add(new Violation(Rule.CREDIT_DIVISION, name, "'" + code.substring(2, 8) + "' is no division code"));
            }
        }
    }

    private void person(Map<String, Object> v, Set<String> given, List<Violation> out) {
        if (!(v.get("id_number") instanceof String id)) {
            return;
        }
        LocalDate birth = IdNumbers.birthDate(id);
        if (given.contains("gender") && v.get("gender") instanceof String g && (g.equals("1") || g.equals("2"))
                && !g.equals(IdNumbers.genderCode(id))) {
            out.add(new Violation(Rule.PERSON_GENDER_MISMATCH, "gender", "gender " + g + " but the ID number says "
                    + IdNumbers.genderCode(id)));
        }
        if (given.contains("birth_date") && v.get("birth_date") instanceof LocalDate b && !b.equals(birth)) {
            out.add(new Violation(Rule.PERSON_BIRTH_MISMATCH, "birth_date", "birth date differs from the ID number's"));
        }
        if (v.get("registered_on") instanceof LocalDate reg && reg.isBefore(birth.plusYears(16))) {
            out.add(new Violation(Rule.PERSON_AGE_UNDER_16, "registered_on", "registered before the 16th birthday"));
        }
        if (v.get("residence_region") instanceof String r && sourceRegion != null && sourceRegion.length() >= 4
                && !r.startsWith(sourceRegion)) {
            out.add(new Violation(Rule.REGION_OUTSIDE_SOURCE, "residence_region", "residence " + r.substring(0, Math.min(6,
                    r.length())) + " lies outside " + sourceRegion));
        }
    }

    private static void dateOrder(Map<String, Object> v, String first, String second, Rule rule, List<Violation> out) {
        if (v.get(first) instanceof LocalDate a && v.get(second) instanceof LocalDate b && b.isBefore(a)) {
            out.add(new Violation(rule, second, b + " is before " + a));
        }
    }

    private static void wage(Map<String, Object> v, String field, List<Violation> out) {
        BigDecimal[] limits = WAGE_LIMITS.get((String) v.get("pay_period"));
        if (limits != null && v.get(field) instanceof BigDecimal w
                && (w.compareTo(limits[0]) < 0 || w.compareTo(limits[1]) > 0)) {
            out.add(new Violation(Rule.WAGE_RANGE, field, w.toPlainString() + " a " + v.get("pay_period") + " is outside "
                    + limits[0] + "-" + limits[1]));
        }
    }

    /** Characters 3-8 of a credit code: a division of any province, or the national 100000; Hunan's checked in full. */
    static boolean knownDivision(String code) {
        if (!code.chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (code.equals("100000")) {
            return true;
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            return false;
        }
        return !code.startsWith("43") || Regions.hunan().find(code).isPresent();
    }
}
