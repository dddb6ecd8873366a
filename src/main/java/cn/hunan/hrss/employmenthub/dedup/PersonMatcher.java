package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import cn.hunan.hrss.employmenthub.validation.Names;
import cn.hunan.hrss.employmenthub.validation.Pinyin;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the person a record registered without an ID number belongs to. Candidates come from five blocks
 * evaluated in the database (normalised name + birth date, phone, birth date + county, name + county, and the
 * phone with two adjacent digits swapped), their union per person, against the golden persons and the night's
 * identified records, so that any two of name, birth date and phone may be wrong. Each is scored
 * ({@link MatchRules}) on name (exact, sounding alike in pinyin, one character off; traditional or full-width
 * forms already folded), birth date (equal, one digit off or day and month swapped), phone (equal, or two adjacent
 * digits swapped), county and household address.
 * At or above the auto-merge threshold, with no rival person as good, the record takes that person's match key
 * and the evidence is kept; otherwise it stays unresolved and is parked (evidence kept for review above the
 * review threshold).
 */
@Component
class PersonMatcher {

    /** An unresolved record or a candidate person, with what matching compares. */
    record Features(long id, String matchKey, String sourceId, String sourceKey, String name, LocalDate birth,
                    String phoneHash, String phoneEnc, String county, String household) {
    }

    private static final String COLUMNS = "match_key, source_id, source_key, name_norm, birth_date, phone_hash, phone_enc, "
            + "county_code, household_region";
    /** Open records resolved at once. */
    private static final int PAGE = 2_000;
    /**
     * The candidate blocks, their union deduplicated per person: any two of name, birth date and phone may be wrong
     * and one of them still finds the person (name + county when the birth date and the phone are both wrong; the
     * phone's transpositions, {@link #transpositions}, when the name and the birth date are).
     */
    private static final Map<String, String> BLOCKS = blocks();

    private static Map<String, String> blocks() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("name+birth", "c.name_norm = s.name_norm AND c.birth_date = s.birth_date");
        b.put("phone", "c.phone_hash = s.phone_hash");
        b.put("birth+county", "c.birth_date = s.birth_date AND c.county_code = s.county_code");
        b.put("name+county", "c.name_norm = s.name_norm AND c.county_code = s.county_code");
        return java.util.Collections.unmodifiableMap(b);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PersonMatcher.class);

    private final JdbcTemplate jdbc;
    private final PersonalData pii;

    PersonMatcher(JdbcTemplate jdbc, PersonalData pii) {
        this.jdbc = jdbc;
        this.pii = pii;
    }

    /**
     * Resolves the night's unresolved records page by page ({@link #PAGE} at a time, in id order), so memory holds
     * one page and its candidates however many records wait.
     */
    void resolve(long runId, MatchRules rules) {
        jdbc.update("DELETE FROM etl_match_open WHERE run_id = ?", runId);
        for (String condition : Unresolved.conditions(EntityType.PERSON)) {
            jdbc.update("INSERT INTO etl_match_open (run_id, stg_id) SELECT ?, s.id FROM stg_person s WHERE " + condition
                    + " AND NOT EXISTS (SELECT 1 FROM etl_match_open m WHERE m.run_id = ? AND m.stg_id = s.id)",
                    runId, runId, runId);
        }
        Map<String, Map<String, String>> overrides = overrides();
        Map<String, Long> pairs = new LinkedHashMap<>();
        long after = 0;
        while (true) {
            Map<Long, Features> page = new LinkedHashMap<>();
            jdbc.query("SELECT s.id, s." + COLUMNS.replace(", ", ", s.") + " FROM etl_match_open o JOIN stg_person s ON "
                    + "s.id = o.stg_id WHERE o.run_id = ? AND o.stg_id > ? ORDER BY o.stg_id LIMIT " + PAGE,
                    rs -> { page.put(rs.getLong(1), features(rs, 1)); }, runId, after);
            if (page.isEmpty()) {
                if (!pairs.isEmpty()) {
                    log.info("matching: candidate pairs per block {}", pairs);
                }
                return;
            }
            long last = page.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            decide(runId, rules, page, candidates(runId, after, last, pairs), overrides);
            after = last;
        }
    }

    /** The candidates of the open records with ids in ({@code after}, {@code last}], by open record. */
    private Map<Long, List<Features>> candidates(long runId, long after, long last, Map<String, Long> pairs) {
        Map<Long, List<Features>> candidates = new HashMap<>();
        String driver = " FROM etl_match_open o JOIN stg_person s ON s.id = o.stg_id ";
        String page = " AND o.stg_id > " + after + " AND o.stg_id <= " + last;
        Map<String, String[]> blocks = new LinkedHashMap<>();
        BLOCKS.forEach((name, block) -> blocks.put(name, new String[] {block, driver}));
        if (transpositions(runId, after, last) > 0) {
            blocks.put("phone-transposed", new String[] {"c.phone_hash = v.phone_hash", driver + "JOIN etl_match_variant v ON "
                    + "v.run_id = " + runId + " AND v.stg_id = s.id "});
        }
        blocks.forEach((name, b) -> {
            String block = b[0];
            String from = b[1];
            int before = candidates.values().stream().mapToInt(List::size).sum();
            collect(candidates, "SELECT s.id, c.person_id, c.match_key, c.src_source_id, c.match_key, c.name_norm, "
                    + "c.birth_date, c.phone_hash, c.phone_enc, c.county_code, c.household_region" + from
                    + "JOIN wh_person c ON " + block + " WHERE o.run_id = ?" + page, runId);
            collect(candidates, "SELECT s.id, c.id, c.match_key, c.source_id, c.source_key, c.name_norm, c.birth_date, "
                    + "c.phone_hash, c.phone_enc, c.county_code, c.household_region" + from + "JOIN stg_person c ON " + block
                    + " AND c.run_id = ? AND c.id_number_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM etl_outcome h WHERE "
                    + "h.run_id = ? AND h.entity = 'person' AND h.stg_id = c.id) WHERE o.run_id = ?" + page,
                    runId, runId, runId);
            pairs.merge(name, (long) candidates.values().stream().mapToInt(List::size).sum() - before, Long::sum);
        });
        jdbc.update("DELETE FROM etl_match_variant WHERE run_id = ?", runId);
        return candidates;
    }

    /**
     * Writes, for the open records of the page with a phone, the hashes of their phone with two adjacent digits
     * swapped (decrypted in memory only); returns how many. {@link #candidates} removes them after the page, in the
     * same transaction (one per entity), so none is left behind.
     */
    private int transpositions(long runId, long after, long last) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("SELECT s.id, s.phone_enc FROM etl_match_open o JOIN stg_person s ON s.id = o.stg_id WHERE o.run_id = ? AND "
                + "o.stg_id > ? AND o.stg_id <= ? AND s.phone_enc IS NOT NULL", rs -> {
                    String phone = pii.decrypt(rs.getString(2));
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (int i = 0; i + 1 < phone.length(); i++) {
                        if (phone.charAt(i) != phone.charAt(i + 1)) {
                            String variant = phone.substring(0, i) + phone.charAt(i + 1) + phone.charAt(i) + phone.substring(i + 2);
                            if (seen.add(variant)) {
                                rows.add(new Object[] {runId, rs.getLong(1), pii.hash(variant)});
                            }
                        }
                    }
                }, runId, after, last);
        jdbc.batchUpdate("INSERT INTO etl_match_variant (run_id, stg_id, phone_hash) VALUES (?,?,?)", rows);
        return rows.size();
    }

    /** An administrator's decisions, by (source, key): the person accepted or split from. */
    private Map<String, Map<String, String>> overrides() {
        Map<String, Map<String, String>> overrides = new HashMap<>();
        jdbc.query("SELECT source_id, source_key, match_key, decision FROM wh_match_override", rs -> {
            overrides.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new HashMap<>())
                    .put(rs.getString(3), rs.getString(4));
        });
        return overrides;
    }

    private void decide(long runId, MatchRules rules, Map<Long, Features> open, Map<Long, List<Features>> candidates,
                        Map<String, Map<String, String>> overrides) {
        List<Object[]> rekeys = new ArrayList<>();
        List<Object[]> evidence = new ArrayList<>();
        for (Features record : open.values()) {
            Map<String, String> decided = overrides.getOrDefault(record.sourceId() + "\u0000" + record.sourceKey(), Map.of());
            String accepted = decided.entrySet().stream().filter(d -> d.getValue().equals("accept")).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (accepted != null) {
                rekeys.add(new Object[] {accepted, record.id()});
                evidence.add(new Object[] {runId, record.id(), record.sourceId(), record.sourceKey(), accepted, 0, "merged",
                    "accepted by an administrator"});
                continue;
            }
            Map<String, Score> byPerson = new HashMap<>();
            for (Features c : candidates.getOrDefault(record.id(), List.of())) {
                if ("split".equals(decided.get(c.matchKey()))) {
                    continue;
                }
                Score score = score(record, c, rules);
                byPerson.merge(c.matchKey(), score, (x, y) -> x.total() >= y.total() ? x : y);
            }
            List<Map.Entry<String, Score>> ranked = byPerson.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, Score> e) -> -e.getValue().total())
                            .thenComparing(Map.Entry::getKey)).toList();
            String bestKey = ranked.isEmpty() ? null : ranked.get(0).getKey();
            Score best = ranked.isEmpty() ? null : ranked.get(0).getValue();
            boolean rival = ranked.size() > 1 && ranked.get(1).getValue().total() >= rules.autoMerge();
            if (best == null || best.total() < rules.review()) {
                continue;
            }
            boolean merge = best.total() >= rules.autoMerge() && !rival;
            if (merge) {
                rekeys.add(new Object[] {bestKey, record.id()});
            }
            evidence.add(new Object[] {runId, record.id(), record.sourceId(), record.sourceKey(), bestKey, best.total(),
                merge ? "merged" : "review", (rival ? "rival candidate; " : "") + best.explanation()});
        }
        jdbc.batchUpdate("UPDATE stg_person SET match_key = ? WHERE id = ?", rekeys);
        jdbc.batchUpdate("INSERT INTO wh_match_evidence (run_id, stg_id, source_id, source_key, match_key, score, decision, "
                + "evidence) VALUES (?,?,?,?,?,?,?,?)", evidence);
    }

    private void collect(Map<Long, List<Features>> candidates, String sql, Object... args) {
        jdbc.query(sql, rs -> {
            candidates.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(features(rs, 2));
        }, args);
    }

    private static Features features(ResultSet rs, int first) throws SQLException {
        return new Features(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
                rs.getString(first + 4), rs.getObject(first + 5, LocalDate.class), rs.getString(first + 6),
                rs.getString(first + 7), rs.getString(first + 8), rs.getString(first + 9));
    }

    /** A score and the reasons for it, e.g. {@code name=exact(+4) birth=equal(+4)}. */
    record Score(int total, String explanation) {
    }

    Score score(Features a, Features b, MatchRules rules) {
        Tally t = new Tally(rules);
        if (a.name() != null && b.name() != null) {
            int d = Names.distance(a.name(), b.name());
            t.add("name", d == 0 ? "exact" : Pinyin.soundsAlike(a.name(), b.name()) ? "sounds-alike" : d == 1 ? "one-off"
                    : "different");
        }
        if (a.birth() != null && b.birth() != null) {
            t.add("birth", a.birth().equals(b.birth()) ? "equal" : close(a.birth(), b.birth()) ? "close" : "different");
        }
        if (a.phoneHash() != null && b.phoneHash() != null) {
            boolean equal = a.phoneHash().equals(b.phoneHash());
            boolean swapped = !equal && transposed(pii.decrypt(a.phoneEnc()), pii.decrypt(b.phoneEnc()));
            t.add("phone", equal ? "equal" : swapped ? "transposed" : "different");
        }
        if (a.county() != null && a.county().equals(b.county())) {
            t.add("county", "same");
        }
        String h = a.household();
        String k = b.household();
        if (h != null && k != null && h.length() == 12 && k.length() == 12) {
            if (h.equals(k)) {
                t.add("household", "same-village");
            } else if (h.substring(0, 9).equals(k.substring(0, 9))) {
                t.add("household", "same-township");
            }
        }
        return new Score(t.total, t.why.toString().trim());
    }

    /** Points and reasons as they accumulate, e.g. {@code name=exact(+4) birth=equal(+4)}. */
    private static final class Tally {
        private final MatchRules rules;
        private final StringBuilder why = new StringBuilder();
        private int total;

        Tally(MatchRules rules) {
            this.rules = rules;
        }

        void add(String feature, String how) {
            int points = rules.points(feature + "-" + how);
            total += points;
            why.append(feature).append('=').append(how).append('(').append(points > 0 ? "+" : "").append(points).append(") ");
        }
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
