package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the person a record registered without an ID number belongs to. Candidates come from six blocks evaluated
 * in the database (normalised name + birth date, phone, birth date + county, name + county, household village +
 * birth date within a year, and the phone with two adjacent digits swapped), their union per person, against the
 * golden persons and the night's identified records, so that any two of name, birth date and phone may be wrong.
 * Each candidate is compared ({@link Comparison}) on name (exact, sounding alike in pinyin, one character off;
 * traditional or full-width forms already folded), birth date (equal, one digit off or day and month swapped),
 * phone (equal, or two adjacent digits swapped), county and household address, and judged by match weight
 * ({@link MatchModel}, estimated by {@link MatchEstimator} from the night's own open records, or taken from the
 * latest night that estimated one when the night brings fewer than {@link #MIN_OWN_TO_ESTIMATE}) or by points
 * ({@link MatchRules}).
 * At or above the auto-merge threshold, with no rival person close, the record takes that person's match key and
 * the evidence is kept; otherwise it stays unresolved and is parked (evidence kept for review above the review
 * threshold).
 */
@Component
class PersonMatcher {

    /** An unresolved record or a candidate person, with what matching compares. */
    record Features(long id, String matchKey, String sourceId, String sourceKey, String name, LocalDate birth,
                    String phoneHash, String phoneEnc, String county, String household) {
    }

    private static final String COLUMNS = "match_key, source_id, source_key, name_norm, birth_date, phone_hash, phone_enc, "
            + "county_code, household_region";
    /**
     * A candidate's source, key and encrypted phone are never compared (a transposed phone is told by the open record's
     * variant hashes): millions of candidate rows come without them.
     */
    private static final String UNCOMPARED = "NULL, NULL, ";
    /** A candidate record {@code c}'s compared columns, after its id and match key. */
    private static final String COMPARED = UNCOMPARED + "c.name_norm, c.birth_date, c.phone_hash, NULL, c.county_code, "
            + "c.household_region";
    /**
     * Fewer of the night's own open records than this, and the night is judged by the model an earlier night estimated
     * ({@link MatchEstimator#earlier}), where there is one: the walk-ins parked on earlier nights are the ones no model
     * could settle, and a model estimated from them alone takes namesakes for one person.
     */
    static final int MIN_OWN_TO_ESTIMATE = 1_000;
    /** Open records resolved at once. */
    private static final int PAGE = 2_000;
    /** Pages of open records the estimate compares at most: every k-th page, so that it samples them all evenly. */
    static final int SAMPLE_PAGES = 10;
    /**
     * The candidate blocks, their union deduplicated per person: any two of name, birth date and phone may be wrong
     * and one of them still finds the person (name + county when the birth date and the phone are both wrong; the
     * village and birth year when the name is too; the phone's transpositions, {@link #transpositions}, when the name
     * and the birth date are).
     */
    private static final Map<String, String> BLOCKS = blocks();

    /** What each block holds equal, so that the estimate of m leaves it out of the block's pairs. */
    static final Map<String, Set<String>> HOLDS = holds();

    private static Map<String, Set<String>> holds() {
        Map<String, Set<String>> h = new LinkedHashMap<>();
        h.put("name+birth", Set.of("name", "birth"));
        h.put("phone", Set.of("phone"));
        h.put("birth+county", Set.of("birth", "county"));
        h.put("name+county", Set.of("name", "county"));
        h.put("village+birth-year", Set.of("household", "birth"));
        h.put("phone-transposed", Set.of("phone"));
        return java.util.Collections.unmodifiableMap(h);
    }

    private static Map<String, String> blocks() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("name+birth", "c.name_norm = s.name_norm AND c.birth_date = s.birth_date");
        b.put("phone", "c.phone_hash = s.phone_hash");
        b.put("birth+county", "c.birth_date = s.birth_date AND c.county_code = s.county_code");
        b.put("name+county", "c.name_norm = s.name_norm AND c.county_code = s.county_code");
        b.put("village+birth-year", "c.household_region = s.household_region AND c.birth_date BETWEEN s.birth_date - INTERVAL "
                + "'366' DAY AND s.birth_date + INTERVAL '366' DAY");
        return java.util.Collections.unmodifiableMap(b);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PersonMatcher.class);

    private final JdbcTemplate jdbc;
    private final PersonalData pii;
    private final MatchEstimator estimator;

    PersonMatcher(JdbcTemplate jdbc, PersonalData pii, MatchEstimator estimator) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.estimator = estimator;
    }

    /** One candidate record of a person, how it compares with the open record and the blocks that found it. */
    private record Candidate(Comparison comparison, Set<String> blocks) {
    }

    /** An open record and its candidates, by person (match key). */
    private record Open(Features record, Map<String, List<Candidate>> byPerson) {
    }

    /** A candidate person as judged: points or match weight, probability (weight models), reasons, blocks. */
    private record Judged(String matchKey, double value, Double probability, String explanation, Set<String> blocks) {
    }

    /**
     * Resolves the night's unresolved records, page by page ({@link #PAGE} at a time, in id order): with the estimated
     * model, a first pass finds and compares the candidates of a sample of the pages (every k-th, at most
     * {@link #SAMPLE_PAGES}) only to count the comparison patterns, the model is estimated from them, and a second
     * pass finds and compares the candidates of every page and decides; the other models decide in one pass. Memory
     * holds one page and its candidates, however many records wait.
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
        boolean estimate = rules.model().equals("estimated");
        MatchEstimator.Population population = rules.byPoints() ? null : estimator.population(runId);
        MatchModel model = rules.byPoints() || estimate ? null : MatchModel.fixed(rules, population.prior());
        if (estimate) {
            long open = jdbc.queryForObject("SELECT COUNT(*) FROM etl_match_open WHERE run_id = ?", Long.class, runId);
            if (open == 0) {
                return;
            }
            long own = jdbc.queryForObject("SELECT COUNT(*) FROM etl_match_open o JOIN stg_person s ON s.id = o.stg_id WHERE "
                    + "o.run_id = ? AND s.run_id = ?", Long.class, runId, runId);
            model = own >= MIN_OWN_TO_ESTIMATE ? null : estimator.earlier(runId, population.prior()).orElse(null);
            if (model != null) {
                log.info("matching: {} open record(s), {} of them tonight's: too few to estimate from; judged by {}", open, own,
                        model.origin());
            } else {
                boolean ownOnly = own > 0;
                long sampled = ownOnly ? own : open;
                int stride = (int) Math.max(1, (sampled + (long) PAGE * SAMPLE_PAGES - 1) / ((long) PAGE * SAMPLE_PAGES));
                long started = System.nanoTime();
                Map<MatchEstimator.Pattern, MatchEstimator.Counts> patterns = new HashMap<>();
                pages(runId, stride, ownOnly, new LinkedHashMap<>(), (page, found) -> page.values().forEach(record ->
                        compare(record, found, overrides, patterns)));
                model = estimator.estimate(runId, rules, patterns, HOLDS, population);
                log.info("matching: {} open record(s); model estimated from every {}. page of {} in {} ms", open, stride,
                        ownOnly ? "tonight's" : "them", (System.nanoTime() - started) / 1_000_000);
            }
        }
        long deciding = System.nanoTime();
        MatchModel decidedBy = model;
        MatchEstimator.Population persons = model != null && rules.nameFrequency() ? population : null;
        boolean any = pages(runId, 1, false, pairs, (page, found) -> {
            List<Open> opens = new ArrayList<>();
            page.values().forEach(record -> opens.add(compare(record, found, overrides, null)));
            Map<String, Double> frequencies = persons == null ? Map.of() : estimator.nameFrequencies(runId,
                    opens.stream().map(o -> o.record().name()).filter(java.util.Objects::nonNull).toList(), persons);
            decide(runId, rules, decidedBy, frequencies, opens, overrides);
        });
        if (!any) {
            return;
        }
        log.info("matching: decided in {} ms; candidate pairs per block {}", (System.nanoTime() - deciding) / 1_000_000, pairs);
        jdbc.batchUpdate("INSERT INTO etl_match_block (run_id, block, pairs) VALUES (?,?,?)", pairs.entrySet().stream()
                .map(e -> new Object[] {runId, e.getKey(), e.getValue()}).toList());
        if (model != null) {
            record(runId, model);
        }
    }

    /**
     * Runs through the open records page by page, every {@code stride}-th page with its candidates by open record;
     * counts each block's pairs into {@code pairs}. False when no record is open.
     */
    private boolean pages(long runId, int stride, boolean ownOnly, Map<String, Long> pairs,
                          java.util.function.BiConsumer<Map<Long, Features>, PageCandidates> each) {
        long after = 0;
        for (long n = 0; ; n++) {
            Map<Long, Features> page = new LinkedHashMap<>();
            jdbc.query("SELECT s.id, s." + COLUMNS.replace(", ", ", s.") + " FROM etl_match_open o JOIN stg_person s ON "
                    + "s.id = o.stg_id WHERE o.run_id = ? AND o.stg_id > ?" + (ownOnly ? " AND s.run_id = " + runId : "")
                    + " ORDER BY o.stg_id LIMIT " + PAGE, rs -> { page.put(rs.getLong(1), features(rs, 1)); }, runId, after);
            if (page.isEmpty()) {
                return after > 0;
            }
            long last = page.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            if (n % stride == 0) {
                each.accept(page, candidates(runId, after, last, pairs));
            }
            after = last;
        }
    }

    /**
     * Compares an open record with each candidate record found, and counts the comparison patterns for the estimate
     * into {@code patterns}, where given.
     */
    private Open compare(Features record, PageCandidates page, Map<String, Map<String, String>> overrides,
                         Map<MatchEstimator.Pattern, MatchEstimator.Counts> patterns) {
        Map<String, String> decided = overrides.getOrDefault(record.sourceId() + "\u0000" + record.sourceKey(), Map.of());
        Map<String, List<Candidate>> byPerson = new LinkedHashMap<>();
        Set<String> variants = page.variants().getOrDefault(record.id(), Set.of());
        for (Found f : page.found().getOrDefault(record.id(), Map.of()).values()) {
            Comparison c = Comparison.of(record, f.features(), (x, y) -> variants.contains(y.phoneHash()));
            List<Candidate> of = byPerson.computeIfAbsent(f.features().matchKey(), k -> new ArrayList<>());
            if (patterns != null && of.stream().noneMatch(x -> x.comparison().equals(c))) {
                MatchEstimator.Counts counts = patterns.computeIfAbsent(new MatchEstimator.Pattern(c, f.blocks()),
                        k -> new MatchEstimator.Counts());
                String decision = decided.get(f.features().matchKey());
                if ("accept".equals(decision)) {
                    counts.accepted++;
                } else if ("split".equals(decision)) {
                    counts.split++;
                } else {
                    counts.undecided++;
                }
            }
            of.add(new Candidate(c, f.blocks()));
        }
        return new Open(record, byPerson);
    }

    /** Keeps the night's model: m, u and weight of every level, and λ as {@code prior}. */
    private void record(long runId, MatchModel model) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {runId, "prior", "lambda", model.lambda(), 1 - model.lambda(), model.prior(), model.origin()});
        model.ordered().forEach((level, p) -> rows.add(new Object[] {runId, level.substring(0, level.indexOf('-')),
            level.substring(level.indexOf('-') + 1), p.m(), p.u(), model.weight(level), model.origin()}));
        jdbc.batchUpdate("INSERT INTO etl_match_weight (run_id, comparison, comparison_level, m, u, weight, origin) "
                + "VALUES (?,?,?,?,?,?,?)", rows);
    }

    /** A candidate record and the blocks that found it. */
    private record Found(Features features, Set<String> blocks) {
    }

    /**
     * A page's candidates by open record and candidate record, and the hashes of each open record's phone with two
     * adjacent digits swapped: a candidate whose phone hash is one of them is a transposition, told without decrypting.
     */
    private record PageCandidates(Map<Long, Map<String, Found>> found, Map<Long, Set<String>> variants) {
    }

    /**
     * The candidates of the open records with ids in ({@code after}, {@code last}], by open record and candidate record
     * (golden person or identified record of the night), with the blocks that found each; counts each block's pairs.
     */
    private PageCandidates candidates(long runId, long after, long last, Map<String, Long> pairs) {
        Map<Long, Map<String, Found>> candidates = new HashMap<>();
        String from = " FROM etl_match_open o JOIN stg_person s ON s.id = o.stg_id ";
        String page = " AND o.stg_id > " + after + " AND o.stg_id <= " + last;
        Opens byOpen = rs -> List.of(rs.getLong(1));
        BLOCKS.forEach((name, block) -> {
            long found = collect(candidates, name, "golden", byOpen, "SELECT s.id, c.person_id, c.match_key, " + COMPARED + from
                    + "JOIN wh_person c ON " + block + " WHERE o.run_id = ?" + page, runId);
            found += collect(candidates, name, "night", byOpen, "SELECT s.id, c.id, c.match_key, " + COMPARED + from
                    + "JOIN stg_person c ON " + block + " AND c.run_id = ? AND c.id_number_hash IS NOT NULL AND " + UNDECIDED
                    + " WHERE o.run_id = ?" + page, runId, runId, runId);
            pairs.merge(name, found, Long::sum);
        });
        Map<Long, Set<String>> variants = transpositions(runId, after, last);
        if (!variants.isEmpty()) {
            pairs.merge("phone-transposed", transposed(runId, variants, candidates), Long::sum);
        }
        return new PageCandidates(candidates, variants);
    }

    /** A candidate of the night's own identified records only if the night has not decided on it yet. */
    private static final String UNDECIDED = "NOT EXISTS (SELECT 1 FROM etl_outcome h WHERE h.run_id = ? AND h.entity = 'person' "
            + "AND h.stg_id = c.id)";

    /**
     * The candidates whose phone hash is one of the open records' transposed variants: looked up by the hashes
     * themselves, {@link #HASHES_AT_ONCE} at a time, through the phone index (a join with the variants in a table let
     * the optimiser read every record of the night instead: a second a page at 100,000 persons, 3.5 s at 300,000).
     */
    private long transposed(long runId, Map<Long, Set<String>> variants, Map<Long, Map<String, Found>> candidates) {
        Map<String, List<Long>> opens = new HashMap<>();
        variants.forEach((open, hashes) -> hashes.forEach(h -> opens.computeIfAbsent(h, k -> new ArrayList<>()).add(open)));
        List<String> hashes = new ArrayList<>(opens.keySet());
        java.util.Collections.sort(hashes);
        Opens byHash = rs -> opens.get(rs.getString(1));
        long found = 0;
        for (boolean golden : new boolean[] {true, false}) {
            for (int from = 0; from < hashes.size(); from += HASHES_AT_ONCE) {
                List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + HASHES_AT_ONCE));
                String in = "c.phone_hash IN (" + marks(chunk.size()) + ")";
                List<Object> args = new ArrayList<>(chunk);
                if (!golden) {
                    args.add(0, runId);
                    args.add(runId);
                }
                found += collect(candidates, "phone-transposed", golden ? "golden" : "night", byHash, golden
                        ? "SELECT c.phone_hash, c.person_id, c.match_key, " + COMPARED + " FROM wh_person c WHERE " + in
                        : "SELECT c.phone_hash, c.id, c.match_key, " + COMPARED + " FROM stg_person c WHERE c.run_id = ? AND " + in
                        + " AND c.id_number_hash IS NOT NULL AND " + UNDECIDED, args.toArray());
            }
        }
        return found;
    }

    /** {@code n} parameter marks for an IN list. */
    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * Variant hashes looked up in one statement: fewer than the server's {@code eq_range_index_dive_limit} (200), so
     * that it counts the rows of each hash in the index. With more it estimates from its statistics, which for an index
     * whose first column (the run) holds one value MariaDB gives as 0 distinct values; it then read the whole night.
     */
    private static final int HASHES_AT_ONCE = 150;

    /** The open records a candidate row belongs to. */
    @FunctionalInterface
    private interface Opens {
        List<Long> of(ResultSet rs) throws SQLException;
    }

    /**
     * The hashes of each open record's phone, of the page, with two adjacent digits swapped (decrypted in memory only,
     * never stored), by open record.
     */
    private Map<Long, Set<String>> transpositions(long runId, long after, long last) {
        Map<Long, Set<String>> variants = new HashMap<>();
        jdbc.query("SELECT s.id, s.phone_enc FROM etl_match_open o JOIN stg_person s ON s.id = o.stg_id WHERE o.run_id = ? AND "
                + "o.stg_id > ? AND o.stg_id <= ? AND s.phone_enc IS NOT NULL", rs -> {
                    String phone = pii.decrypt(rs.getString(2));
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (int i = 0; i + 1 < phone.length(); i++) {
                        if (phone.charAt(i) != phone.charAt(i + 1)) {
                            String variant = phone.substring(0, i) + phone.charAt(i + 1) + phone.charAt(i) + phone.substring(i + 2);
                            if (seen.add(variant)) {
                                variants.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>()).add(pii.hash(variant));
                            }
                        }
                    }
                }, runId, after, last);
        return variants;
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

    private void decide(long runId, MatchRules rules, MatchModel model, Map<String, Double> frequencies, List<Open> open,
                        Map<String, Map<String, String>> overrides) {
        List<Object[]> rekeys = new ArrayList<>();
        List<Object[]> evidence = new ArrayList<>();
        for (Open o : open) {
            Features record = o.record();
            Map<String, String> decided = overrides.getOrDefault(record.sourceId() + "\u0000" + record.sourceKey(), Map.of());
            String accepted = decided.entrySet().stream().filter(d -> d.getValue().equals("accept")).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (accepted != null) {
                rekeys.add(new Object[] {accepted, record.id()});
                evidence.add(new Object[] {runId, record.id(), record.sourceId(), record.sourceKey(), accepted, 0, "merged",
                    "accepted by an administrator", null, null});
                continue;
            }
            List<Judged> ranked = new ArrayList<>();
            o.byPerson().forEach((person, candidates) -> {
                if (!"split".equals(decided.get(person))) {
                    ranked.add(candidates.stream().map(c -> judge(person, c, rules, model, frequencies.get(record.name())))
                            .max(Comparator.comparingDouble(Judged::value)).orElseThrow());
                }
            });
            ranked.sort(Comparator.comparingDouble((Judged j) -> -j.value()).thenComparing(Judged::matchKey));
            if (ranked.isEmpty()) {
                continue;
            }
            Judged best = ranked.get(0);
            Judged second = ranked.size() > 1 ? ranked.get(1) : null;
            boolean rival;
            boolean merge;
            if (model == null) {
                if (best.value() < rules.review()) {
                    continue;
                }
                rival = second != null && second.value() >= rules.autoMerge();
                merge = best.value() >= rules.autoMerge() && !rival;
            } else {
                if (best.probability() < rules.reviewProbability()) {
                    continue;
                }
                rival = second != null && second.probability() >= rules.reviewProbability()
                        && best.value() - second.value() < rules.rivalMargin();
                merge = best.probability() >= rules.autoMergeProbability() && !rival;
            }
            if (merge) {
                rekeys.add(new Object[] {best.matchKey(), record.id()});
            }
            evidence.add(new Object[] {runId, record.id(), record.sourceId(), record.sourceKey(), best.matchKey(),
                (int) Math.round(best.value()), merge ? "merged" : "review", (rival ? "rival candidate; " : "")
                + best.explanation(), rounded(best.probability()), String.join(",", best.blocks())});
        }
        jdbc.batchUpdate("UPDATE stg_person SET match_key = ? WHERE id = ?", rekeys);
        jdbc.batchUpdate("INSERT INTO wh_match_evidence (run_id, stg_id, source_id, source_key, match_key, score, decision, "
                + "evidence, probability, blocks) VALUES (?,?,?,?,?,?,?,?,?,?)", evidence);
    }

    /**
     * A probability kept to nine decimals: the estimate sums in an order that may differ between two nights over the
     * same records (the candidates' order follows the staged ids), and what is kept should not.
     */
    private static Double rounded(Double p) {
        return p == null ? null : Math.round(p * 1e9) / 1e9;
    }

    /** One candidate record judged by points, or by the match model when there is one. */
    private static Judged judge(String person, Candidate c, MatchRules rules, MatchModel model, Double nameFrequency) {
        if (model != null) {
            MatchModel.Weighted w = model.weigh(c.comparison(), nameFrequency);
            return new Judged(person, w.weight(), w.probability(), w.explanation(), c.blocks());
        }
        Tally t = new Tally(rules);
        c.comparison().levels().forEach(t::add);
        return new Judged(person, t.total, null, t.why.toString().trim(), c.blocks());
    }

    private long collect(Map<Long, Map<String, Found>> candidates, String block, String table, Opens opens, String sql,
                         Object... args) {
        long[] rows = {0};
        jdbc.query(sql, rs -> {
            Features f = features(rs, 2);
            for (long open : opens.of(rs)) {
                Found found = candidates.computeIfAbsent(open, k -> new LinkedHashMap<>())
                        .computeIfAbsent(table + f.id(), k -> new Found(f, new java.util.TreeSet<>()));
                found.blocks().add(block);
                rows[0]++;
            }
        }, args);
        return rows[0];
    }

    private static Features features(ResultSet rs, int first) throws SQLException {
        return new Features(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
                rs.getString(first + 4), rs.getObject(first + 5, LocalDate.class), rs.getString(first + 6),
                rs.getString(first + 7), rs.getString(first + 8), rs.getString(first + 9));
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
}
