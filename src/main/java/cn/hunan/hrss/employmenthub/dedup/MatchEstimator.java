package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.source.config.Defaults.Matching.Probability;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Estimates the match model from the data, as Splink does: u from pairs of different persons drawn at random (the
 * known persons in match-key order, whose neighbours are strangers to each other: the key is a hash), then m and λ
 * by expectation maximisation over the night's candidate pairs with u held, the pairs an administrator decided
 * ({@code accept}, {@code split}) counted as known matches and non-matches. Estimates start from, and are smoothed
 * towards, the configured m and u; a comparison whose estimate would make agreement count against a match keeps its
 * configured m. Also tells how common a name is among the known persons, for the term-frequency adjustment.
 */
@Component
class MatchEstimator {

    /** Pairs of strangers compared for u. */
    static final int RANDOM_PAIRS = 100_000;
    /** Fewer candidate pairs than this, and the configured m is kept. */
    static final int MIN_PAIRS = 200;
    /** A level seen by fewer random pairs than this is not measured by them. */
    static final int RARE = 5;
    private static final int ITERATIONS = 200;
    private static final String COLUMNS = "match_key, name_norm, birth_date, phone_hash, phone_enc, county_code, household_region";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MatchEstimator.class);

    private final JdbcTemplate jdbc;
    private final PersonalData pii;

    MatchEstimator(JdbcTemplate jdbc, PersonalData pii) {
        this.jdbc = jdbc;
        this.pii = pii;
    }

    /**
     * The model an earlier night estimated, the latest whose m and u were estimated that night (not themselves taken
     * from an earlier one), with tonight's prior {@code lambda}; empty when no night has estimated one.
     */
    java.util.Optional<MatchModel> earlier(long runId, double lambda) {
        List<Long> runs = jdbc.queryForList("SELECT MAX(run_id) FROM etl_match_weight WHERE run_id < ? AND comparison = 'prior' "
                + "AND origin NOT LIKE '" + REUSED + "%' AND origin <> '" + MatchModel.FIXED + "'", Long.class, runId);
        if (runs.isEmpty() || runs.get(0) == null) {
            return java.util.Optional.empty();
        }
        long run = runs.get(0);
        Map<String, Probability> levels = new LinkedHashMap<>();
        jdbc.query("SELECT comparison, comparison_level, m, u FROM etl_match_weight WHERE run_id = ? AND comparison <> 'prior'",
                rs -> { levels.put(rs.getString(1) + "-" + rs.getString(2), new Probability(rs.getDouble(3), rs.getDouble(4))); },
                run);
        if (!levels.keySet().containsAll(Comparison.FEATURES.stream().flatMap(f -> Comparison.LEVELS.get(f).stream()
                .map(l -> f + "-" + l)).toList())) {
            return java.util.Optional.empty();
        }
        MatchModel model = new MatchModel(lambda, levels, REUSED + run);
        log.info("matching: {}", model.table().replace("\n", "; "));
        return java.util.Optional.of(model);
    }

    /** How a model taken from an earlier night names its origin, followed by that night's run id. */
    static final String REUSED = "m and u as estimated on run ";

    /** Counts of one comparison pattern among candidate pairs: undecided, accepted, split. */
    static final class Counts {
        long undecided;
        long accepted;
        long split;

        long all() {
            return undecided + accepted + split;
        }
    }

    /** A comparison pattern and the blocks that found pairs of it. */
    record Pattern(Comparison comparison, Set<String> blocks) {
    }

    /**
     * The night's model. u comes from random pairs ({@link #randomPairsU}). m is estimated as Splink does, one
     * session per block: the pairs a block found, compared on everything but what the block holds equal (a pair
     * found by name + birth date says nothing about how often one person's records agree on name), fitted by EM;
     * each comparison's m is the average of the sessions that compared it, weighted by the matches each found. The
     * prior is one in the known population: a record registered without an ID number is taken to be somebody known.
     */
    MatchModel estimate(long runId, MatchRules rules, Map<Pattern, Counts> patterns, Map<String, Set<String>> holds,
                        Population population) {
        Map<String, Probability> start = rules.probabilities();
        Map<String, Double> u = randomPairsU(runId, start);
        double lambda = population.prior();
        long pairs = patterns.values().stream().mapToLong(Counts::all).sum();
        Map<String, Double> m = new HashMap<>();
        start.forEach((level, p) -> m.put(level, p.m()));
        String uFrom = u == null ? "configuration" : RANDOM_PAIRS + " random pairs";
        if (pairs < MIN_PAIRS) {
            return model(lambda, m, u, String.format(Locale.ROOT, "configured m (only %d candidate pairs), u from %s", pairs,
                    uFrom), start);
        }
        Map<String, Double> mass = new HashMap<>();
        Map<String, Double> found = new HashMap<>();
        List<String> sessions = new ArrayList<>();
        holds.forEach((block, held) -> {
            Map<Comparison, Counts> session = new HashMap<>();
            patterns.forEach((p, c) -> {
                if (p.blocks().contains(block)) {
                    Counts into = session.computeIfAbsent(p.comparison(), k -> new Counts());
                    into.undecided += c.undecided;
                    into.accepted += c.accepted;
                    into.split += c.split;
                }
            });
            long n = session.values().stream().mapToLong(Counts::all).sum();
            if (n < MIN_PAIRS) {
                return;
            }
            Session result = em(session, held, start, u);
            sessions.add(String.format(Locale.ROOT, "%s %d pairs %.0f matches", block, n, result.matches));
            result.m.forEach((level, value) -> {
                mass.merge(level, value * result.matches, Double::sum);
                found.merge(level, result.matches, Double::sum);
            });
        });
        List<String> kept = new ArrayList<>();
        for (String feature : Comparison.FEATURES) {
            String best = feature + "-" + Comparison.LEVELS.get(feature).get(0);
            boolean estimated = found.getOrDefault(best, 0.0) > 0
                    && mass.get(best) / found.get(best) > uOf(u, start, best);
            for (String level : Comparison.LEVELS.get(feature)) {
                String key = feature + "-" + level;
                m.put(key, estimated ? mass.get(key) / found.get(key) : start.get(key).m());
            }
            if (!estimated) {
                kept.add(feature);
            }
        }
        monotone(m, u, start);
        return model(lambda, m, u, String.format(Locale.ROOT, "m estimated by EM per block (%s)%s; u from %s",
                String.join(", ", sessions), kept.isEmpty() ? "" : "; configured m kept for " + kept, uFrom), start);
    }

    /**
     * Raises the m of any agreeing level that would count for less than outright disagreement (same township below
     * another township, where the data hold few of the one) to the weight of disagreement: a closer agreement is never
     * stronger evidence against.
     */
    private static void monotone(Map<String, Double> m, Map<String, Double> u, Map<String, Probability> start) {
        for (String feature : Comparison.FEATURES) {
            String different = feature + "-different";
            for (String agreeing : agreeing(feature)) {
                String level = feature + "-" + agreeing;
                double floor = uOf(u, start, level) * m.get(different) / uOf(u, start, different);
                m.put(level, Math.max(m.get(level), floor));
            }
        }
    }

    /** What one session estimated: m of the comparisons it compared, and how many of its pairs are matches. */
    record Session(Map<String, Double> m, double matches) {
    }

    /** EM over one block's pairs, u held, the comparisons the block holds equal left out. */
    static Session em(Map<Comparison, Counts> pairs, Set<String> held, Map<String, Probability> start,
                              Map<String, Double> u) {
        Map<String, Double> m = new HashMap<>();
        start.forEach((level, p) -> m.put(level, p.m()));
        double total = pairs.values().stream().mapToLong(Counts::all).sum();
        double lambda = 0.5;
        double matches = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Map<String, Double> mass = new HashMap<>();
            matches = 0;
            for (Map.Entry<Comparison, Counts> e : pairs.entrySet()) {
                double lm = lambda;
                double lu = 1 - lambda;
                Map<String, String> levels = new LinkedHashMap<>(e.getKey().levels());
                levels.keySet().removeAll(held);
                for (Map.Entry<String, String> l : levels.entrySet()) {
                    String level = l.getKey() + "-" + l.getValue();
                    lm *= m.get(level);
                    lu *= uOf(u, start, level);
                }
                Counts c = e.getValue();
                double n = c.undecided * (lm / (lm + lu)) + c.accepted;
                matches += n;
                for (Map.Entry<String, String> l : levels.entrySet()) {
                    mass.merge(l.getKey() + "-" + l.getValue(), n, Double::sum);
                }
            }
            double change = Math.abs(matches / total - lambda);
            lambda = Math.min(0.9999, Math.max(0.0001, matches / total));
            for (String feature : Comparison.FEATURES) {
                if (held.contains(feature)) {
                    continue;
                }
                List<String> agreeing = agreeing(feature);
                double disagree = start.get(feature + "-different").m();
                double compared = 0;
                double prior = 0;
                for (String level : agreeing) {
                    compared += mass.getOrDefault(feature + "-" + level, 0.0);
                    prior += start.get(feature + "-" + level).m();
                }
                for (String level : agreeing) {
                    String key = feature + "-" + level;
                    double next = (1 - disagree) * (mass.getOrDefault(key, 0.0) + start.get(key).m() / prior) / (compared + 1);
                    change = Math.max(change, Math.abs(next - m.get(key)));
                    m.put(key, next);
                }
            }
            if (change < 1e-6) {
                break;
            }
        }
        m.keySet().removeIf(level -> held.contains(level.substring(0, level.indexOf('-'))));
        return new Session(m, matches);
    }

    /**
     * The levels of a comparison whose m is estimated: all but {@code different}. How often one person's records
     * disagree outright is not told by unlabelled pairs: a pair that shares a name and a village but not the birth
     * date nor the phone looks the same whether it is one person written badly twice or two namesakes, and EM, left
     * to it, takes the namesakes for matches. That m is configured (from what reviews find), and the estimated levels
     * share the rest.
     */
    static List<String> agreeing(String feature) {
        List<String> levels = Comparison.LEVELS.get(feature);
        return levels.subList(0, levels.size() - 1);
    }

    /** How many persons a record could be, and whether they are counted in the warehouse or (first night) staging. */
    record Population(long persons, boolean warehouse) {

        /** λ: one in the population (of two at least). */
        double prior() {
            return 1.0 / Math.max(2, persons);
        }
    }

    /** How many persons a record could be: the known persons, else (first night) the night's identified persons. */
    Population population(long runId) {
        long known = jdbc.queryForObject("SELECT COUNT(*) FROM wh_person", Long.class);
        if (known >= 1000) {
            return new Population(known, true);
        }
        // an identified record's match key is the digest of its ID number's hash alone: counting the hashes reads the
        // (run, ID number) index only, where the match keys need every row (ten minutes for 8.6 million at 5 M persons)
        long night = jdbc.queryForObject("SELECT COUNT(DISTINCT id_number_hash) FROM stg_person WHERE run_id = ? AND id_number_hash "
                + "IS NOT NULL", Long.class, runId);
        return night > known ? new Population(night, false) : new Population(known, true);
    }

    private static MatchModel model(double lambda, Map<String, Double> m, Map<String, Double> u, String origin,
                                    Map<String, Probability> start) {
        Map<String, Probability> levels = new LinkedHashMap<>();
        start.keySet().forEach(level -> levels.put(level, new Probability(m.get(level), uOf(u, start, level))));
        MatchModel model = new MatchModel(lambda, levels, origin);
        log.info("matching: {}", model.table().replace("\n", "; "));
        return model;
    }

    private static double uOf(Map<String, Double> u, Map<String, Probability> start, String level) {
        return u == null ? start.get(level).u() : u.get(level);
    }

    /**
     * u of every level from pairs of different persons: the known persons (else the night's identified records) in
     * match-key order, each compared with the next; null when fewer than a thousand pairs can be drawn. A level fewer
     * than {@link #RARE} stranger pairs show (a transposed phone, an equal one) is too rare to measure that way: it
     * keeps its configured u, or {@link #RARE} in the pairs compared where that is less (what so few sightings bound).
     */
    Map<String, Double> randomPairsU(long runId, Map<String, Probability> start) {
        List<PersonMatcher.Features> people = new ArrayList<>();
        jdbc.query("SELECT " + COLUMNS + " FROM wh_person ORDER BY match_key LIMIT " + (2 * RANDOM_PAIRS),
                rs -> { people.add(features(rs)); });
        if (people.size() < 2 * RANDOM_PAIRS) {
            List<PersonMatcher.Features> night = nightSample(runId, 4 * RANDOM_PAIRS);
            if (night.size() > people.size()) {
                people.clear();
                people.addAll(night);
            }
        }
        Map<String, Double> counts = new HashMap<>();
        Map<String, Double> totals = new HashMap<>();
        int pairs = 0;
        for (int i = 0; i + 1 < people.size() && pairs < RANDOM_PAIRS; i++) {
            PersonMatcher.Features a = people.get(i);
            PersonMatcher.Features b = people.get(i + 1);
            if (a.matchKey().equals(b.matchKey())) {
                continue;
            }
            pairs++;
            Comparison.of(a, b, (x, y) -> Comparison.transposed(pii.decrypt(x.phoneEnc()), pii.decrypt(y.phoneEnc()))).levels().forEach((feature, level) -> {
                counts.merge(feature + "-" + level, 1.0, Double::sum);
                totals.merge(feature, 1.0, Double::sum);
            });
            i++;
        }
        if (pairs < 1000) {
            return null;
        }
        Map<String, Double> u = new HashMap<>();
        start.forEach((level, p) -> {
            String feature = level.substring(0, level.indexOf('-'));
            double seen = counts.getOrDefault(level, 0.0);
            double compared = totals.getOrDefault(feature, 0.0);
            u.put(level, seen >= RARE ? seen / compared : compared > 0 ? Math.min(p.u(), RARE / compared) : p.u());
        });
        return u;
    }

    /**
     * Up to {@code limit} of the night's identified records, read in the order of the (run, match key) index (a sort
     * of all of them took minutes at five million persons), without the last person's records, which the limit may
     * have cut; each person's records then in source and key order, so that the sample does not depend on the order
     * in which the night's partitions wrote them.
     */
    private List<PersonMatcher.Features> nightSample(long runId, int limit) {
        List<PersonMatcher.Features> night = new ArrayList<>();
        jdbc.query("SELECT " + COLUMNS + ", source_id, source_key FROM stg_person WHERE run_id = ? AND id_number_hash IS NOT NULL "
                + "ORDER BY match_key LIMIT " + limit, rs -> {
                    PersonMatcher.Features f = features(rs);
                    night.add(new PersonMatcher.Features(0, f.matchKey(), rs.getString(8), rs.getString(9), f.name(), f.birth(),
                            f.phoneHash(), f.phoneEnc(), f.county(), f.household()));
                }, runId);
        if (night.size() == limit) {
            String cut = night.get(limit - 1).matchKey();
            night.removeIf(f -> f.matchKey().equals(cut));
        }
        night.sort(Comparator.comparing(PersonMatcher.Features::matchKey).thenComparing(PersonMatcher.Features::sourceId)
                .thenComparing(PersonMatcher.Features::sourceKey, Comparator.nullsFirst(Comparator.naturalOrder())));
        return night;
    }

    private static PersonMatcher.Features features(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PersonMatcher.Features(0, rs.getString(1), null, null, rs.getString(2),
                rs.getObject(3, java.time.LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
    }

    /**
     * How common each of {@code names} is: its share of the known persons (else of the night's identified persons),
     * at least one person's share; empty when there are too few persons to tell (fewer than a thousand).
     */
    Map<String, Double> nameFrequencies(long runId, Collection<String> names, Population population) {
        Map<String, Double> frequency = new HashMap<>();
        boolean warehouse = population.warehouse();
        long total = population.persons();
        if (total < 1000 || names.isEmpty()) {
            return frequency;
        }
        List<String> all = names.stream().distinct().toList();
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String in = PersonMatcher.marks(chunk.size());
            List<Object> args = new ArrayList<>(chunk);
            String sql = warehouse ? "SELECT name_norm, COUNT(*) FROM wh_person WHERE name_norm IN (" + in + ") GROUP BY name_norm"
                    : "SELECT name_norm, COUNT(DISTINCT id_number_hash) FROM stg_person WHERE name_norm IN (" + in + ") AND run_id = ? "
                    + "AND id_number_hash IS NOT NULL GROUP BY name_norm";
            if (!warehouse) {
                args.add(runId);
            }
            jdbc.query(sql, rs -> { frequency.put(rs.getString(1), (double) rs.getLong(2) / total); }, args.toArray());
        }
        all.forEach(name -> frequency.putIfAbsent(name, 1.0 / total));
        return frequency;
    }
}
