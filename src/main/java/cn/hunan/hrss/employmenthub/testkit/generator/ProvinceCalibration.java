package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.World.Agency;
import cn.hunan.hrss.employmenthub.testkit.generator.World.County;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Employer;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Liaison;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Staff;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Station;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Calibrates a whole-province world to the figures the seed article gives for the end of 2023, as far as the
 * real division reference allows (it has 426 streets, 1,522 towns and townships, 5,805 communities and
 * 23,594 villages where the article counts 428, 1,573, 5,692 and 23,700).
 */
final class ProvinceCalibration {

    static final int OFFICERS = 25_000;
    static final int PROVINCIAL_EXPERTS = 93;
    static final int CITY_EXPERTS_PER_CITY = 8;
    static final int COUNTY_EXPERTS_PER_COUNTY = 3;
    static final int SPECIALISTS = 617;
    static final int KEY_ENTERPRISES = 2_216;
    static final int RECRUITS = 27_600;
    static final int AGENCIES = 2_456;
    static final int AGENCY_STAFF = 25_000;
    static final long AGENCY_REVENUE_FEN = 61_830_000L;   // 618,300.00 万元 = 61.83 亿元, in hundredths of 万元
    static final BigDecimal GROWTH = new BigDecimal("1.317");
    static final int PERSONS_SERVED = 7_138_000;

    private final World w;
    private final Fakes f;
    private final Set<String> credits;
    private final WorldBuilder builder;
    private final int[] staffNumber;

    ProvinceCalibration(World w, Fakes f, Set<String> credits, WorldBuilder builder) {
        this.w = w;
        this.f = f;
        this.credits = credits;
        this.builder = builder;
        this.staffNumber = new int[w.counties.size()];
    }

    void apply() {
        stations();
        officers();
        experts();
        specialistsAndEnterprises();
        agencies();
    }

    /** Platforms in every street but one (425 of 426: 99.8%), every town, township and community. */
    private void stations() {
        String uncovered = w.counties.stream().filter(c -> !c.streets().isEmpty()).reduce((a, b) -> b).orElseThrow()
                .streets().get(0);
        for (County c : w.counties) {
            int n = 0;
            for (String s : c.streets()) {
                if (!s.equals(uncovered)) {
                    w.stations.add(builder.station(c, ++n, "street_platform", s, "街道公共就业服务平台"));
                }
            }
            for (String t : c.townships()) {
                w.stations.add(builder.station(c, ++n, "township_platform", t, "乡镇公共就业服务平台"));
            }
            for (String v : c.communities()) {
                w.stations.add(builder.station(c, ++n, "community_platform", v, "社区就业服务站"));
            }
            String seat = WorldBuilder.seat(c);
            w.stations.add(builder.station(c, ++n, "gig_market", seat, "零工市场"));
            w.stations.add(builder.station(c, ++n, "job_station", seat, "就业驿站"));
            w.stations.add(builder.station(c, ++n, "hr_station", seat, "人力资源服务站"));
        }
    }

    /** One officer in every village, the rest in villages drawn at random: 25,000 in all. */
    private void officers() {
        List<String[]> villages = new ArrayList<>();
        for (int i = 0; i < w.counties.size(); i++) {
            for (String v : w.counties.get(i).villages()) {
                villages.add(new String[] {String.valueOf(i), v});
            }
        }
        for (String[] v : villages) {
            officer(Integer.parseInt(v[0]), v[1]);
        }
        for (int i = villages.size(); i < OFFICERS; i++) {
            String[] v = villages.get(f.random.nextInt(villages.size()));
            officer(Integer.parseInt(v[0]), v[1]);
        }
    }

    private void officer(int county, String village) {
        County c = w.counties.get(county);
        w.staff.add(new Staff(code(county), f.personName(), "officer", platform(c).code(), village, "none", f.mobile(), c.code()));
    }

    /** 93 provincial experts spread over the counties, 8 per city and 3 per county. */
    private void experts() {
        for (int i = 0; i < PROVINCIAL_EXPERTS; i++) {
            counsellor(i % w.counties.size(), "provincial");
        }
        List<String> cities = w.counties.stream().map(County::cityCode).distinct().toList();
        for (String city : cities) {
            int county = w.counties.indexOf(w.counties.stream().filter(c -> c.cityCode().equals(city)).findFirst().orElseThrow());
            for (int i = 0; i < CITY_EXPERTS_PER_CITY; i++) {
                counsellor(county, "city");
            }
        }
        for (int i = 0; i < w.counties.size(); i++) {
            for (int j = 0; j < COUNTY_EXPERTS_PER_COUNTY; j++) {
                counsellor(i, "county");
            }
        }
    }

    private void counsellor(int county, String level) {
        County c = w.counties.get(county);
        Station s = platform(c);
        w.staff.add(new Staff(code(county), f.personName(), "counsellor", s.code(), s.region(), level, f.mobile(), c.code()));
    }

    /**
     * 617 specialists and 2,216 key enterprises, dealt round the counties; each enterprise served by a specialist of
     * its county, 27,600 recruits assisted in 2023 split over two months each.
     */
    private void specialistsAndEnterprises() {
        List<List<Staff>> specialists = new ArrayList<>();
        for (int i = 0; i < w.counties.size(); i++) {
            specialists.add(new ArrayList<>());
        }
        for (int i = 0; i < SPECIALISTS; i++) {
            int county = i % w.counties.size();
            County c = w.counties.get(county);
            Station hr = w.stations.stream().filter(s -> s.county().equals(c.code()) && s.type().equals("hr_station"))
                    .findFirst().orElseThrow();
            Staff s = new Staff(code(county), f.personName(), "specialist", hr.code(), hr.region(), "none", f.mobile(), c.code());
            w.staff.add(s);
            specialists.get(county).add(s);
        }
        int base = RECRUITS / KEY_ENTERPRISES;
        int extra = RECRUITS % KEY_ENTERPRISES;
        for (int i = 0; i < KEY_ENTERPRISES; i++) {
            int county = i % w.counties.size();
            County c = w.counties.get(county);
            Employer e = new Employer(f.creditCode(c.code(), credits), f.companyName(c.name()), c.code(),
                    f.pick(List.of("C", "C", "E", "F", "G", "H", "I")), true, f.chance(0.3));
            w.employers.add(e);
            List<Staff> mine = specialists.get(county);
            Staff specialist = mine.get(i / w.counties.size() % mine.size());
            int recruits = base + (i < extra ? 1 : 0);
            int first = f.between(1, 6);
            int second = f.between(7, 12);
            int part = recruits / 2;
            w.liaisons.add(new Liaison(specialist.code(), e, LocalDate.of(2023, first, 1), part));
            w.liaisons.add(new Liaison(specialist.code(), e, LocalDate.of(2023, second, 1), recruits - part));
        }
        for (County c : w.counties) {
            for (int i = 0; i < 5; i++) {
                w.employers.add(new Employer(f.creditCode(c.code(), credits), f.companyName(c.name()), c.code(),
                        f.pick(List.of("C", "F", "H", "O")), false, f.chance(0.5)));
            }
        }
    }

    /** 2,456 agencies: 25,000 staff, 618,300 万元 revenue (+31.7% on 2022), 7,138,000 persons served in 2023. */
    private void agencies() {
        long revenueBase = AGENCY_REVENUE_FEN / AGENCIES;
        long revenueExtra = AGENCY_REVENUE_FEN % AGENCIES;
        for (int i = 0; i < AGENCIES; i++) {
            County c = w.counties.get(i % w.counties.size());
            String code = f.creditCode(c.code(), credits);
            String name = c.name() + "人力资源服务有限公司" + (i / w.counties.size() + 1);
            int staff = AGENCY_STAFF / AGENCIES + (i < AGENCY_STAFF % AGENCIES ? 1 : 0);
            BigDecimal revenue = BigDecimal.valueOf(revenueBase + (i < revenueExtra ? 1 : 0), 2);
            int served = PERSONS_SERVED / AGENCIES + (i < PERSONS_SERVED % AGENCIES ? 1 : 0);
            w.agencies.add(new Agency(code, name, c.code(), 2022, staff, revenue.divide(GROWTH, 2, RoundingMode.HALF_UP),
                    served - f.between(100, 500)));
            w.agencies.add(new Agency(code, name, c.code(), 2023, staff, revenue, served));
        }
    }

    private final java.util.Map<String, Station> platforms = new java.util.HashMap<>();

    private Station platform(County c) {
        return platforms.computeIfAbsent(c.code(), k -> firstPlatform(c));
    }

    private Station firstPlatform(County c) {
        return w.stations.stream().filter(s -> s.county().equals(c.code()) && s.type().endsWith("_platform")).findFirst()
                .orElseGet(() -> w.stations.stream().filter(s -> s.county().equals(c.code())).findFirst().orElseThrow());
    }

    private String code(int county) {
        return w.counties.get(county).code() + "-GH" + String.format("%05d", ++staffNumber[county]);
    }
}
