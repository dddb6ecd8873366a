package cn.hunan.hrss.employmenthub.testkit.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The synthetic ground truth: the real people, employers and events the source systems report on. */
final class World {

    record County(String code, String name, String cityCode, List<String> streets, List<String> townships,
                  List<String> communities, List<String> villages) {
        /** A village-level unit of the county to live in: a village, else a community, else the county itself. */
        String anyHome() {
            return !villages.isEmpty() ? villages.get(0) : !communities.isEmpty() ? communities.get(0) : code;
        }

        List<String> homes() {
            List<String> all = new ArrayList<>(villages);
            all.addAll(communities);
            return all.isEmpty() ? List.of(code) : all;
        }
    }

    record Person(String id, String name, String gender, LocalDate birth, String phone, String residence, String county,
                  String education, Set<String> categories, LocalDate registered, String station,
                  boolean inCountyDb, boolean inStationRegister, boolean online) {
        boolean difficulty() {
            return categories.contains("difficulty");
        }
    }

    record Employer(String creditCode, String name, String county, String industry, boolean key, boolean online) {
    }

    record Station(String code, String name, String type, String region, String county, LocalDate opened) {
    }

    record Staff(String code, String name, String role, String station, String region, String level, String phone,
                 String county) {
    }

    record Service(Person person, String station, String staff, String type, LocalDate date, boolean alsoInRegister) {
    }

    record Placement(Person person, Employer employer, LocalDate start, BigDecimal wage, String period, String channel,
                     String form, boolean insured) {
    }

    record GigMatch(String market, Person worker, String employerName, String task, LocalDate date, BigDecimal wage,
                    boolean meals, boolean exportedTwice) {
    }

    record Liaison(String specialist, Employer enterprise, LocalDate month, int recruits) {
    }

    record Agency(String creditCode, String name, String county, int year, int staff, BigDecimal revenue10k, int served) {
    }

    record Posting(String key, Employer employer, String title, int headcount, int payMin, int payMax, String period,
                   boolean insured, LocalDate posted, LocalDate expires, String form) {
    }

    final List<County> counties = new ArrayList<>();
    final List<Person> persons = new ArrayList<>();
    final List<Employer> employers = new ArrayList<>();
    final List<Station> stations = new ArrayList<>();
    final List<Staff> staff = new ArrayList<>();
    final List<Service> services = new ArrayList<>();
    final List<Placement> placements = new ArrayList<>();
    final List<GigMatch> gigMatches = new ArrayList<>();
    final List<Liaison> liaisons = new ArrayList<>();
    final List<Agency> agencies = new ArrayList<>();
    final List<Posting> postings = new ArrayList<>();

    /** Every ID number given out: the persons', and those the writers make up for records of nobody. */
    final Set<String> ids = new java.util.HashSet<>();
    private java.util.Map<Person, Integer> countyDbKeys;

    /**
     * The key ({@code xh}) of a person in their county platform's database, which numbers its persons 1, 2, ... in
     * the world's order; null for a person the county platform does not hold.
     */
    Integer countyDbXh(Person p) {
        if (countyDbKeys == null) {
            countyDbKeys = new java.util.IdentityHashMap<>();
            java.util.Map<String, Integer> next = new java.util.HashMap<>();
            for (Person x : persons) {
                if (x.inCountyDb()) {
                    countyDbKeys.put(x, next.merge(x.county(), 1, Integer::sum));
                }
            }
        }
        return countyDbKeys.get(p);
    }

    /** {@link #countyDbXh} as the text a record carries. */
    String countyDbKey(Person p) {
        Integer key = countyDbXh(p);
        return key == null ? null : key.toString();
    }
}
