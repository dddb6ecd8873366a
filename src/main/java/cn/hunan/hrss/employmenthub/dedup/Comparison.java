package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.validation.Names;
import cn.hunan.hrss.employmenthub.validation.Pinyin;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * How a record registered without an ID number compares with a candidate person, comparison by comparison: the level
 * of name, birth date, phone, county and household address, or {@code null} where either lacks the value (the
 * comparison is then skipped). Both scoring models read these levels: points ({@link MatchRules}) and match weights
 * ({@link MatchModel}).
 */
record Comparison(String name, String birth, String phone, String county, String household) {

    /** The comparisons and their levels, best first, as weights and the README list them. */
    static final Map<String, List<String>> LEVELS = Map.of(
            "name", List.of("exact", "sounds-alike", "one-off", "different"),
            "birth", List.of("equal", "close", "different"),
            "phone", List.of("equal", "transposed", "different"),
            "county", List.of("same", "different"),
            "household", List.of("same-village", "same-township", "different"));
    /** The comparisons in the order evidence lists them. */
    static final List<String> FEATURES = List.of("name", "birth", "phone", "county", "household");

    /**
     * Compares {@code a} with {@code b}; {@code transposed} tells whether their phones, both given and unequal, differ
     * by two adjacent digits swapped.
     */
    static Comparison of(PersonMatcher.Features a, PersonMatcher.Features b,
                         BiPredicate<PersonMatcher.Features, PersonMatcher.Features> transposed) {
        String name = null;
        if (a.name() != null && b.name() != null) {
            int d = Names.distance(a.name(), b.name());
            name = d == 0 ? "exact" : Pinyin.soundsAlike(a.name(), b.name()) ? "sounds-alike" : d == 1 ? "one-off" : "different";
        }
        String birth = a.birth() == null || b.birth() == null ? null
                : a.birth().equals(b.birth()) ? "equal" : close(a.birth(), b.birth()) ? "close" : "different";
        String phone = null;
        if (a.phoneHash() != null && b.phoneHash() != null) {
            boolean equal = a.phoneHash().equals(b.phoneHash());
            phone = equal ? "equal" : transposed.test(a, b) ? "transposed" : "different";
        }
        String county = a.county() == null || b.county() == null ? null : a.county().equals(b.county()) ? "same" : "different";
        String h = a.household();
        String k = b.household();
        String household = null;
        if (h != null && k != null && h.length() == 12 && k.length() == 12) {
            household = h.equals(k) ? "same-village" : h.substring(0, 9).equals(k.substring(0, 9)) ? "same-township" : "different";
        }
        return new Comparison(name, birth, phone, county, household);
    }

    /** The levels by comparison, in {@link #FEATURES} order; a skipped comparison is absent. */
    Map<String, String> levels() {
        Map<String, String> levels = new LinkedHashMap<>();
        String[] values = {name, birth, phone, county, household};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                levels.put(FEATURES.get(i), values[i]);
            }
        }
        return levels;
    }

    /** Whether two birth dates differ by one mistyped digit, or by day and month swapped. */
    static boolean close(LocalDate a, LocalDate b) {
        String x = a.toString().replace("-", "");
        String y = b.toString().replace("-", "");
        int diff = 0;
        for (int i = 0; i < x.length(); i++) {
            diff += x.charAt(i) == y.charAt(i) ? 0 : 1;
        }
        return diff == 1 || a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue();
    }

    /** Whether two numbers differ only by two adjacent digits swapped. */
    static boolean transposed(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                first = i;
                break;
            }
        }
        return first >= 0 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
    }
}
