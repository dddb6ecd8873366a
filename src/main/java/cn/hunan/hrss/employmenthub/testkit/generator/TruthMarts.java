package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.World.Agency;
import cn.hunan.hrss.employmenthub.testkit.generator.World.County;
import cn.hunan.hrss.employmenthub.testkit.generator.World.GigMatch;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Liaison;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Placement;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Service;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Staff;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Station;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every mart's figures computed straight from the generated world, independently of the pipeline's SQL. Each
 * mart is {@code {key: [...], where: "...", rows: [...]}}: the rows the mart must hold, restricted by
 * {@code where} when the mart also holds rows the world does not speak of (other counties, cities).
 */
final class TruthMarts {

    private static final Set<String> SERVICE_311 = Set.of("recommendation", "guidance", "training");

    private final World w;
    private final Map<String, Staff> staff;
    private final Map<String, Station> stations;

    TruthMarts(World w) {
        this.w = w;
        this.staff = w.staff.stream().collect(Collectors.toMap(Staff::code, s -> s, (a, b) -> a));
        this.stations = w.stations.stream().collect(Collectors.toMap(Station::code, s -> s, (a, b) -> a));
    }

    Map<String, Object> all() {
        String counties = w.counties.stream().map(c -> "'" + c.code() + "'").collect(Collectors.joining(","));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mart_platform_coverage", mart(List.of("scope_level", "scope_code", "unit_kind"),
                "scope_level = 'county' AND scope_code IN (" + counties + ")", coverage()));
        out.put("mart_311_county", mart(List.of("service_year", "county_code"), null, service311County()));
        out.put("mart_311_officer", mart(List.of("service_year", "staff_code"), null, service311By(Service::staff, "staff_code",
                s -> staff.get(s).county())));
        out.put("mart_311_station", mart(List.of("service_year", "station_code"), null, service311By(Service::station,
                "station_code", s -> stations.get(s).county())));
        out.put("mart_placement_month", mart(List.of("county_code", "placement_year", "placement_month", "channel", "form"), null,
                placementMonth()));
        out.put("mart_gig_market_day", mart(List.of("market_code", "work_date"), null, gigMarketDay()));
        out.put("mart_liaison_province", mart(List.of("report_year"), null, liaisonProvince()));
        out.put("mart_expert_team", mart(List.of("expert_level"), null, expertTeam()));
        out.put("mart_hr_agency_year", mart(List.of("report_year"), null, agencyYear()));
        return out;
    }

    private static Map<String, Object> mart(List<String> key, String where, List<Map<String, Object>> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        if (where != null) {
            m.put("where", where);
        }
        m.put("rows", rows);
        return m;
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            r.put((String) kv[i], kv[i + 1]);
        }
        return r;
    }

    private List<Map<String, Object>> coverage() {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> platforms = new HashSet<>();
        Set<String> communityPlatforms = new HashSet<>();
        for (Station s : w.stations) {
            if (s.type().equals("street_platform") || s.type().equals("township_platform")) {
                platforms.add(s.region());
            } else if (s.type().equals("community_platform")) {
                communityPlatforms.add(s.region());
            }
        }
        Map<String, Integer> officersByVillage = new HashMap<>();
        w.staff.stream().filter(s -> s.role().equals("officer")).forEach(s -> officersByVillage.merge(s.region(), 1, Integer::sum));
        for (County c : w.counties) {
            add(out, c, "street", c.streets(), platforms::contains, v -> 0);
            add(out, c, "township", c.townships(), platforms::contains, v -> 0);
            add(out, c, "community", c.communities(), communityPlatforms::contains, v -> 0);
            add(out, c, "village", c.villages(), officersByVillage::containsKey, v -> officersByVillage.getOrDefault(v, 0));
        }
        return out;
    }

    private static void add(List<Map<String, Object>> out, County c, String kind, List<String> units,
                            java.util.function.Predicate<String> covered, Function<String, Integer> officers) {
        if (!units.isEmpty()) {
            out.add(row("scope_level", "county", "scope_code", c.code(), "unit_kind", kind, "units_total", units.size(),
                    "units_covered", units.stream().filter(covered).count(),
                    "officers", units.stream().mapToInt(officers::apply).sum()));
        }
    }

    private List<Map<String, Object>> service311County() {
        Map<String, int[]> byCounty = new TreeMap<>();
        Map<Person, List<Service>> byPerson = w.services.stream().collect(Collectors.groupingBy(Service::person));
        for (Person p : w.persons) {
            if (!p.difficulty()) {
                continue;
            }
            List<Service> mine = byPerson.getOrDefault(p, List.of());
            long recs = mine.stream().filter(s -> s.type().equals("recommendation")).count();
            boolean guided = mine.stream().anyMatch(s -> s.type().equals("guidance"));
            boolean trained = mine.stream().anyMatch(s -> s.type().equals("training"));
            int[] c = byCounty.computeIfAbsent(p.county(), k -> new int[2]);
            c[0]++;
            c[1] += recs >= 3 && guided && trained ? 1 : 0;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byCounty.forEach((county, c) -> out.add(row("service_year", 2023, "county_code", county, "difficulty_persons", c[0],
                "complete_persons", c[1])));
        return out;
    }

    private List<Map<String, Object>> service311By(Function<Service, String> key, String column,
                                                   Function<String, String> county) {
        Map<String, List<Service>> groups = new TreeMap<>();
        for (Service s : w.services) {
            if (key.apply(s) != null) {
                groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((k, list) -> out.add(row("service_year", 2023, column, k, "county_code", county.apply(k),
                "person_times_311", list.stream().filter(s -> SERVICE_311.contains(s.type())).count(),
                column.equals("staff_code") ? "persons_helped" : "persons_served",
                list.stream().map(Service::person).distinct().count())));
        return out;
    }

    private List<Map<String, Object>> placementMonth() {
        Map<String, List<Placement>> groups = new TreeMap<>();
        for (Placement p : w.placements) {
            groups.computeIfAbsent(p.person().county() + "|" + p.start().getYear() + "|" + p.start().getMonthValue() + "|"
                    + p.channel() + "|" + p.form(), k -> new ArrayList<>()).add(p);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((key, list) -> {
            String[] k = key.split("\\|");
            long insured = list.stream().filter(Placement::insured).count();
            double days = list.stream().mapToLong(p -> ChronoUnit.DAYS.between(p.person().registered(), p.start())).average()
                    .orElse(0);
            out.add(row("county_code", k[0], "placement_year", Integer.parseInt(k[1]), "placement_month",
                    Integer.parseInt(k[2]), "channel", k[3], "form", k[4], "placements", list.size(), "insured", insured,
                    "insured_share", BigDecimal.valueOf(insured).divide(BigDecimal.valueOf(list.size()), 4, RoundingMode.HALF_UP),
                    "monthly_wage_mean", mean(wages(list, "month")), "monthly_wage_median", median(wages(list, "month")),
                    "daily_wage_mean", mean(wages(list, "day")), "daily_wage_median", median(wages(list, "day")),
                    "days_from_registration", BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP)));
        });
        return out;
    }

    private static List<BigDecimal> wages(List<Placement> list, String period) {
        return list.stream().filter(p -> p.period().equals(period)).map(Placement::wage).sorted().toList();
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal median(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        BigDecimal m = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return m.setScale(2, RoundingMode.HALF_UP);
    }

    private List<Map<String, Object>> gigMarketDay() {
        Map<String, LocalDate> firstDay = new HashMap<>();
        for (GigMatch g : w.gigMatches) {
            firstDay.merge(g.market() + "|" + g.worker().id(), g.date(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, List<GigMatch>> groups = new TreeMap<>();
        for (GigMatch g : w.gigMatches) {
            groups.computeIfAbsent(g.market() + "|" + g.date(), k -> new ArrayList<>()).add(g);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((key, list) -> {
            String market = key.substring(0, key.indexOf('|'));
            LocalDate day = list.get(0).date();
            Set<Person> workers = list.stream().map(GigMatch::worker).collect(Collectors.toSet());
            long registrations = workers.stream().filter(p -> firstDay.get(market + "|" + p.id()).equals(day)).count();
            long older = workers.stream().filter(p -> !p.birth().plusYears(50).isAfter(day)).count();
            out.add(row("market_code", market, "work_date", day.toString(), "county_code", stations.get(market).county(),
                    "registrations", registrations,
                    "demands", list.stream().map(g -> g.employerName() + "|" + g.task()).distinct().count(),
                    "matches", list.size(), "daily_wage_mean", mean(list.stream().map(GigMatch::wage).toList()),
                    "workers_50_plus_share", BigDecimal.valueOf(older).divide(BigDecimal.valueOf(workers.size()), 4,
                            RoundingMode.HALF_UP)));
        });
        return out;
    }

    private List<Map<String, Object>> liaisonProvince() {
        Map<Integer, List<Liaison>> byYear = w.liaisons.stream().collect(Collectors.groupingBy(l -> l.month().getYear(),
                TreeMap::new, Collectors.toList()));
        List<Map<String, Object>> out = new ArrayList<>();
        byYear.forEach((year, list) -> out.add(row("report_year", year,
                "specialists", list.stream().map(Liaison::specialist).distinct().count(),
                "enterprises", list.stream().map(l -> l.enterprise().creditCode()).distinct().count(),
                "recruits", list.stream().mapToLong(Liaison::recruits).sum())));
        return out;
    }

    private List<Map<String, Object>> expertTeam() {
        Map<String, Long> teams = w.staff.stream().filter(s -> s.role().equals("counsellor") && !s.level().equals("none"))
                .collect(Collectors.groupingBy(Staff::level, TreeMap::new, Collectors.counting()));
        List<Map<String, Object>> out = new ArrayList<>();
        teams.forEach((level, n) -> out.add(row("expert_level", level, "experts", n)));
        return out;
    }

    private List<Map<String, Object>> agencyYear() {
        Map<Integer, List<Agency>> byYear = w.agencies.stream().collect(Collectors.groupingBy(Agency::year, TreeMap::new,
                Collectors.toList()));
        List<Map<String, Object>> out = new ArrayList<>();
        byYear.forEach((year, list) -> {
            BigDecimal revenue = list.stream().map(Agency::revenue10k).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Agency> previous = byYear.get(year - 1);
            BigDecimal growth = previous == null ? null : revenue.divide(previous.stream().map(Agency::revenue10k)
                    .reduce(BigDecimal.ZERO, BigDecimal::add), 10, RoundingMode.HALF_UP).subtract(BigDecimal.ONE)
                    .setScale(4, RoundingMode.HALF_UP);
            out.add(row("report_year", year, "agencies", list.size(), "staff", list.stream().mapToLong(Agency::staff).sum(),
                    "revenue_10k", revenue, "revenue_growth", growth, "persons_served",
                    list.stream().mapToLong(Agency::served).sum()));
        });
        return out;
    }
}
