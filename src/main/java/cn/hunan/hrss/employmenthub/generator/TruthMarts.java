package cn.hunan.hrss.employmenthub.generator;

import cn.hunan.hrss.employmenthub.generator.World.County;
import cn.hunan.hrss.employmenthub.generator.World.Person;
import cn.hunan.hrss.employmenthub.generator.World.Placement;
import cn.hunan.hrss.employmenthub.generator.World.Service;
import cn.hunan.hrss.employmenthub.generator.World.Staff;
import cn.hunan.hrss.employmenthub.generator.World.Station;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The mart figures computed straight from the generated world, independently of the pipeline's SQL. */
final class TruthMarts {

    private TruthMarts() {
    }

    static List<Map<String, Object>> service311(World w) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (County c : w.counties) {
            int persons = 0;
            int complete = 0;
            for (Person p : w.persons) {
                if (!p.county().equals(c.code()) || !p.difficulty()) {
                    continue;
                }
                persons++;
                List<Service> mine = w.services.stream().filter(s -> s.person() == p).toList();
                long recs = mine.stream().filter(s -> s.type().equals("recommendation")).count();
                long guidance = mine.stream().filter(s -> s.type().equals("guidance")).count();
                long training = mine.stream().filter(s -> s.type().equals("training")).count();
                if (recs >= 3 && guidance >= 1 && training >= 1) {
                    complete++;
                }
            }
            if (persons > 0) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("service_year", 2023);
                row.put("county_code", c.code());
                row.put("difficulty_persons", persons);
                row.put("complete_persons", complete);
                out.add(row);
            }
        }
        return out;
    }

    static List<Map<String, Object>> placementMonth(World w) {
        Map<String, List<Placement>> groups = new TreeMap<>();
        for (Placement p : w.placements) {
            String key = p.person().county() + "|" + p.start().getYear() + "|" + p.start().getMonthValue() + "|" + p.channel();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((key, list) -> {
            String[] k = key.split("\\|");
            List<BigDecimal> monthly = list.stream().filter(p -> p.period().equals("month")).map(Placement::wage).toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("county_code", k[0]);
            row.put("placement_year", Integer.parseInt(k[1]));
            row.put("placement_month", Integer.parseInt(k[2]));
            row.put("channel", k[3]);
            row.put("placements", list.size());
            row.put("insured", list.stream().filter(Placement::insured).count());
            row.put("monthly_wage_avg", monthly.isEmpty() ? null : monthly.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(monthly.size()), 2, RoundingMode.HALF_UP));
            out.add(row);
        });
        return out;
    }

    static List<Map<String, Object>> coverage(World w) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (County c : w.counties) {
            Set<String> platforms = w.stations.stream().filter(s -> s.county().equals(c.code())
                    && Set.of("street_platform", "township_platform").contains(s.type())).map(Station::region).collect(Collectors.toSet());
            Set<String> communityPlatforms = w.stations.stream().filter(s -> s.county().equals(c.code())
                    && s.type().equals("community_platform")).map(Station::region).collect(Collectors.toSet());
            List<Staff> officers = w.staff.stream().filter(s -> s.county().equals(c.code()) && s.role().equals("officer")).toList();
            Set<String> villagesWithOfficer = officers.stream().map(Staff::region).collect(Collectors.toSet());
            out.add(coverageRow(c, "street", c.streets(), platforms, 0));
            out.add(coverageRow(c, "township", c.townships(), platforms, 0));
            out.add(coverageRow(c, "community", c.communities(), communityPlatforms, 0));
            out.add(coverageRow(c, "village", c.villages(), villagesWithOfficer, officers.size()));
        }
        out.removeIf(r -> ((Integer) r.get("units_total")) == 0);
        return out;
    }

    private static Map<String, Object> coverageRow(County c, String kind, List<String> units, Set<String> covered, int officers) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scope_code", c.code());
        row.put("unit_kind", kind);
        row.put("units_total", units.size());
        row.put("units_covered", (int) units.stream().filter(covered::contains).count());
        row.put("officers", officers);
        return row;
    }
}
