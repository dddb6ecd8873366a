package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.World.Agency;
import cn.hunan.hrss.employmenthub.testkit.generator.World.County;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Employer;
import cn.hunan.hrss.employmenthub.testkit.generator.World.GigMatch;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Liaison;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Placement;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Posting;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Service;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Staff;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Station;
import cn.hunan.hrss.employmenthub.record.Regions.Region;
import cn.hunan.hrss.employmenthub.record.Regions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Builds a {@link World} over real Hunan counties: everything the source systems will then report, messily. */
final class WorldBuilder {

    /** Leiyang, whose 耒就业 platform the seed article describes, is always the first county. */
    static final String FIRST_COUNTY = "430481";
    static final LocalDate YEAR_START = LocalDate.of(2023, 1, 1);
    static final LocalDate YEAR_END = LocalDate.of(2023, 12, 31);

    private final Fakes f;
    private final World w = new World();
    private final Set<String> credits = new HashSet<>();
    /** Per-county lists the per-person steps pick from, made once (a million persons must not scan them each). */
    private final java.util.Map<String, List<?>> perCounty = new java.util.HashMap<>();
    private final java.util.Map<Set<String>, Set<String>> categorySets = new java.util.HashMap<>();

    WorldBuilder(Fakes fakes) {
        this.f = fakes;
    }

    World build(int countyCount, int personCount) {
        pickCounties(countyCount);
        for (County c : w.counties) {
            stations(c);
            staff(c);
            employers(c);
            agencies(c);
        }
        return people(personCount, true);
    }

    /**
     * The calibrated province of end 2023: every county of the real reference, platforms in all streets but one
     * and in every town, township and community, 25,000 employment officers over all villages, 93 provincial
     * career-guidance experts, 617 liaison specialists serving 2,216 key enterprises with 27,600 recruits, 2,456
     * HR service agencies with 25,000 staff, 618,300 万元 revenue (+31.7%) and 7,138,000 persons served.
     */
    World buildProvince2023(int personCount) {
        for (Region r : Regions.hunan().all().stream().filter(x -> x.level().equals("county")).toList()) {
            w.counties.add(county(r));
        }
        new ProvinceCalibration(w, f, credits, this).apply();
        return people(personCount, false);
    }

    private World people(int personCount, boolean sampleLiaisons) {
        int perCounty = Math.max(1, personCount / w.counties.size());
        for (County c : w.counties) {
            for (int i = 0; i < perCounty; i++) {
                w.persons.add(person(c));
            }
        }
        for (Person p : w.persons) {
            services(p);
            if (f.chance(0.3)) {
                placement(p);
            }
        }
        gigMatches();
        if (sampleLiaisons) {
            liaisons();
        }
        postings();
        return w;
    }

    private void pickCounties(int n) {
        Regions regions = Regions.hunan();
        List<Region> counties = new ArrayList<>(regions.all().stream().filter(r -> r.level().equals("county"))
                .filter(r -> !r.code().equals(FIRST_COUNTY)).toList());
        Collections.shuffle(counties, f.random);
        List<Region> chosen = new ArrayList<>();
        regions.find(FIRST_COUNTY).ifPresent(chosen::add);
        counties.stream().filter(r -> kids(r.code(), "village").size() > 20).limit(Math.max(0, n - 1)).forEach(chosen::add);
        for (Region r : chosen) {
            w.counties.add(county(r));
        }
    }

    private static County county(Region r) {
        return new County(r.code(), r.name(), r.cityCode(), kids(r.code(), "street"),
                union(kids(r.code(), "town"), kids(r.code(), "township")), kids(r.code(), "community"),
                kids(r.code(), "village"));
    }

    private static List<String> kids(String county, String kind) {
        return Regions.hunan().all().stream().filter(r -> r.kind().equals(kind) && r.code().startsWith(county))
                .map(Region::code).toList();
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private void stations(County c) {
        int n = 0;
        for (String t : c.streets()) {
            if (f.chance(0.9)) {
                w.stations.add(station(c, ++n, "street_platform", t, "街道公共就业服务平台"));
            }
        }
        for (String t : c.townships()) {
            if (f.chance(0.95)) {
                w.stations.add(station(c, ++n, "township_platform", t, "乡镇公共就业服务平台"));
            }
        }
        for (String v : c.communities()) {
            if (f.chance(0.92)) {
                w.stations.add(station(c, ++n, "community_platform", v, "社区就业服务站"));
            }
        }
        String seat = seat(c);
        w.stations.add(station(c, ++n, "gig_market", seat, "零工市场"));
        w.stations.add(station(c, ++n, "job_station", seat, "就业驿站"));
        w.stations.add(station(c, ++n, "hr_station", seat, "人力资源服务站"));
    }

    /** Where a county's markets and stations sit: its first street or township, else the county itself. */
    static String seat(County c) {
        return !c.streets().isEmpty() ? c.streets().get(0) : !c.townships().isEmpty() ? c.townships().get(0) : c.code();
    }

    Station station(County c, int n, String type, String region, String label) {
        String name = Regions.hunan().find(region).map(Region::name).orElse(c.name()) + label;
        return new Station(c.code() + "-ZD" + String.format("%04d", n), name, type, region, c.code(),
                f.date(LocalDate.of(2019, 1, 1), LocalDate.of(2023, 6, 30)));
    }

    private List<Station> stationsOf(County c, String... types) {
        Set<String> t = Set.of(types);
        return w.stations.stream().filter(s -> s.county().equals(c.code()) && t.contains(s.type())).toList();
    }

    private void staff(County c) {
        int n = 0;
        List<Station> platforms = stationsOf(c, "street_platform", "township_platform", "community_platform");
        for (String v : c.villages()) {
            if (f.chance(0.88)) {
                int officers = f.chance(0.1) ? 2 : 1;
                for (int i = 0; i < officers; i++) {
                    w.staff.add(new Staff(c.code() + "-GH" + String.format("%05d", ++n), f.personName(), "officer",
                            f.pick(platforms).code(), v, "none", f.mobile(), c.code()));
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            Station s = f.pick(platforms);
            w.staff.add(new Staff(c.code() + "-GH" + String.format("%05d", ++n), f.personName(), "counsellor", s.code(),
                    s.region(), f.pick(List.of("provincial", "city", "county", "county", "none")), f.mobile(), c.code()));
        }
        for (int i = 0; i < 3; i++) {
            Station s = stationsOf(c, "hr_station").get(0);
            w.staff.add(new Staff(c.code() + "-GH" + String.format("%05d", ++n), f.personName(), "specialist", s.code(),
                    s.region(), "none", f.mobile(), c.code()));
        }
    }

    private void employers(County c) {
        int n = f.between(15, 25);
        for (int i = 0; i < n; i++) {
            w.employers.add(new Employer(f.creditCode(c.code(), credits), f.companyName(c.name()), c.code(),
                    f.pick(List.of("C", "C", "E", "F", "G", "H", "I", "O")), f.chance(0.3), f.chance(0.5)));
        }
    }

    private void agencies(County c) {
        int n = f.between(2, 4);
        for (int i = 0; i < n; i++) {
            String code = f.creditCode(c.code(), credits);
            String name = c.name() + f.pick(List.of("人力资源", "劳务派遣", "职业介绍")) + "服务有限公司" + (i + 1);
            int staff = f.between(5, 40);
            BigDecimal revenue = BigDecimal.valueOf(f.between(100, 5000));
            w.agencies.add(new Agency(code, name, c.code(), 2022, staff, revenue, f.between(500, 5000)));
            w.agencies.add(new Agency(code, name, c.code(), 2023, staff + f.between(0, 5),
                    revenue.multiply(BigDecimal.valueOf(1.317)).setScale(2, java.math.RoundingMode.HALF_UP), f.between(500, 6000)));
        }
    }

    private Person person(County c) {
        boolean male = f.chance(0.55);
        LocalDate birth = f.date(LocalDate.of(1963, 1, 1), LocalDate.of(2003, 12, 31));
        String id = f.idNumber(c.code(), birth, male, w.ids);
        Set<String> cats = new TreeSet<>();
        if (f.chance(0.25)) {
            cats.add("difficulty");
        }
        if (f.chance(0.5)) {
            cats.add("rural");
        }
        if (f.chance(0.1)) {
            cats.add(f.pick(List.of("graduate", "poverty", "veteran", "fisher", "disabled", "unemployed")));
        }
        boolean county = cats.contains("difficulty") || f.chance(0.75);
        boolean register = f.chance(0.35);
        boolean online = f.chance(0.2);
        if (!county && !register && !online) {
            county = true;
        }
        String residence = f.pick(once("homes", c, c::homes));
        Station station = f.pick(once("desks", c, () -> stationsOf(c, "community_platform", "job_station")));
        LocalDate earliest = birth.plusYears(16).isAfter(LocalDate.of(2019, 1, 1)) ? birth.plusYears(16) : LocalDate.of(2019, 1, 1);
        return new Person(id, f.personName(), male ? "1" : "2", birth, f.mobile(), residence, c.code(),
                f.pick(List.of("20", "30", "40", "60", "70", "70", "80")), shared(cats),
                f.date(earliest, YEAR_END), station.code(), county, register, online);
    }

    /** One unmodifiable, sorted set per combination of categories, shared by every person who has it. */
    private Set<String> shared(Set<String> categories) {
        return categorySets.computeIfAbsent(categories, k -> Collections.unmodifiableSet(categories));
    }

    private County county(String code) {
        return once("county", code, () -> List.of(w.counties.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow())).get(0);
    }

    /** The list {@code make} gives for {@code what} of a county, made on first use; the world is complete by then. */
    @SuppressWarnings("unchecked")
    private <T> List<T> once(String what, Object county, java.util.function.Supplier<List<T>> make) {
        String key = what + "|" + (county instanceof County c ? c.code() : county);
        return (List<T>) perCounty.computeIfAbsent(key, k -> make.get());
    }

    private void services(Person p) {
        County c = county(p.county());
        List<Staff> officers = once("officers", c, () -> w.staff.stream().filter(s -> s.county().equals(c.code())
                && !s.role().equals("specialist")).toList());
        List<String> types = new ArrayList<>();
        if (p.difficulty() && p.inCountyDb()) {
            int recs = f.between(0, 4);
            for (int i = 0; i < recs; i++) {
                types.add("recommendation");
            }
            if (f.chance(0.75)) {
                types.add("guidance");
            }
            if (f.chance(0.7)) {
                types.add("training");
            }
        }
        if (f.chance(0.3)) {
            types.add("follow_up");
        }
        Set<LocalDate> used = new LinkedHashSet<>();
        for (String type : types) {
            LocalDate d;
            do {
                d = f.date(YEAR_START, YEAR_END);
            } while (!used.add(d));
            w.services.add(new Service(p, p.station(), f.pick(officers).code(), type, d, f.chance(0.2)));
        }
    }

    private void placement(Person p) {
        List<Employer> local = once("employers", p.county(), () -> w.employers.stream().filter(e -> e.county().equals(p.county()))
                .toList());
        String channel = f.pick(List.of("station", "station", "county_platform", "online", "liaison"));
        boolean monthly = f.chance(0.85);
        BigDecimal wage = BigDecimal.valueOf(monthly ? f.between(25, 90) * 100 : f.between(10, 30) * 10);
        LocalDate from = p.registered().isAfter(YEAR_START) ? p.registered() : YEAR_START;
        w.placements.add(new Placement(p, f.pick(local), f.date(from, YEAR_END), wage, monthly ? "month" : "day",
                channel, monthly ? "full_time" : "gig", f.chance(0.6)));
    }

    private void gigMatches() {
        List<Person> workers = w.persons.stream().filter(p -> !p.difficulty() && f.chance(0.12)).toList();
        for (Person p : workers) {
            County c = county(p.county());
            String market = once("markets", c, () -> stationsOf(c, "gig_market")).get(0).code();
            Set<LocalDate> used = new HashSet<>();
            int n = f.between(1, 4);
            for (int i = 0; i < n; i++) {
                LocalDate d = f.date(YEAR_START, YEAR_END);
                if (!used.add(d)) {
                    continue;
                }
                w.gigMatches.add(new GigMatch(market, p, f.companyName(c.name()).replace("有限公司", "店"),
                        f.pick(List.of("服务员", "搬运", "保洁", "钟点工", "采摘", "装修小工")), d,
                        BigDecimal.valueOf(f.between(10, 30) * 10), f.chance(0.6), f.chance(0.05)));
            }
        }
    }

    private void liaisons() {
        for (County c : w.counties) {
            List<Staff> specialists = w.staff.stream().filter(s -> s.county().equals(c.code()) && s.role().equals("specialist")).toList();
            List<Employer> keys = w.employers.stream().filter(e -> e.county().equals(c.code()) && e.key()).toList();
            for (Employer e : keys) {
                Staff s = f.pick(specialists);
                for (int m = 1; m <= 12; m++) {
                    if (f.chance(0.5)) {
                        w.liaisons.add(new Liaison(s.code(), e, LocalDate.of(2023, m, 1), f.between(0, 30)));
                    }
                }
            }
        }
    }

    private void postings() {
        int n = 0;
        for (Employer e : w.employers) {
            int count = f.between(0, 3);
            for (int i = 0; i < count; i++) {
                boolean monthly = f.chance(0.85);
                int min = monthly ? f.between(25, 60) * 100 : f.between(10, 20) * 10;
                LocalDate posted = f.date(YEAR_START, YEAR_END.minusDays(30));
                w.postings.add(new Posting("XJY-" + String.format("%06d", ++n), e,
                        f.pick(List.of("普工", "钳工", "电工", "服务员", "仓管员", "销售代表", "焊工", "会计")), f.between(1, 20), min,
                        min + (monthly ? f.between(5, 30) * 100 : f.between(2, 10) * 10), monthly ? "month" : "day",
                        f.chance(0.5), posted, posted.plusDays(f.between(30, 120)), monthly ? "full_time" : "part_time"));
            }
        }
    }
}
