package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.World.County;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Employer;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Placement;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Service;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Station;
import cn.hunan.hrss.employmenthub.record.CodeTables;
import cn.hunan.hrss.employmenthub.validation.IdNumbers;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A county employment platform's database (in the style of Leiyang's 耒就业): pinyin column names, Chinese
 * code labels, padded division codes, an updated-at column {@code gxsj} on every table.
 */
final class CountyDatabaseWriter {

    private final World w;
    private final Fakes f;
    private final Ledger ledger;
    private final boolean vendorKeys;

    /** With {@code vendorKeys}, services and placements name their person by its row number {@code xh} only (ryxh). */
    CountyDatabaseWriter(World w, Fakes f, Ledger ledger, boolean vendorKeys) {
        this.w = w;
        this.f = f;
        this.ledger = ledger;
        this.vendorKeys = vendorKeys;
    }

    /** The person's key ({@code xh}) in its county's database, or null when the platform does not have it. */
    Integer xh(Person p) {
        return w.countyDbXh(p);
    }

    /** The person's ID number and platform key as an event row of the platform carries them. */
    private Object[] personRef(Person p) {
        Integer key = vendorKeys ? w.countyDbXh(p) : null;
        return new Object[] {key == null ? p.id() : null, key};
    }

    /** Writes the county's database, statement by statement, to {@code sink}. */
    void write(County c, String prefix, SqlScript.Sink sink) {
        SqlScript s = new SqlScript(sink);
        stations(s, c, prefix);
        employers(s, c, prefix);
        persons(s, c, prefix);
        services(s, c, prefix);
        placements(s, c, prefix);
        s.finish();
    }

    private LocalDateTime gxsj() {
        return f.date(WorldBuilder.YEAR_START, WorldBuilder.YEAR_END).atTime(f.between(8, 20), f.between(0, 59), f.between(0, 59));
    }

    private void stations(SqlScript s, County c, String p) {
        s.create(p + "jy_zd", "zdbm VARCHAR(32) PRIMARY KEY, zdmc VARCHAR(200), zdlx VARCHAR(40), qhdm VARCHAR(12), "
                + "clrq DATE, gxsj DATETIME");
        String cols = "zdbm, zdmc, zdlx, qhdm, clrq, gxsj";
        for (Station st : w.stations) {
            if (st.county().equals(c.code())) {
                s.insert(p + "jy_zd", cols, st.code(), st.name(), typeLabel(st.type()), pad(st.region()), st.opened(), gxsj());
                ledger.valid("station", st.code());
            }
        }
        s.insert(p + "jy_zd", cols, c.code() + "-ZD9999", "测试站点", "社区平台", "439999999999", LocalDate.of(2023, 1, 1), gxsj());
        ledger.reject("station", "REGION_UNKNOWN");
    }

    private void employers(SqlScript s, County c, String p) {
        s.create(p + "jy_dw", "dwbh INT PRIMARY KEY, tyshxydm VARCHAR(18), dwmc VARCHAR(200), szqh VARCHAR(12), hydm VARCHAR(2), "
                + "zdqybz VARCHAR(2), gxsj DATETIME");
        int n = 0;
        for (Employer e : w.employers) {
            if (e.county().equals(c.code())) {
                s.insert(p + "jy_dw", "dwbh, tyshxydm, dwmc, szqh, hydm, zdqybz, gxsj", ++n, e.creditCode(), e.name(),
                        pad(e.county()), e.industry(), e.key() ? "1" : "0", gxsj());
                ledger.valid("employer", e.creditCode());
            }
        }
    }

    private void persons(SqlScript s, County c, String p) {
        s.create(p + "jy_ry", "xh INT PRIMARY KEY, xm VARCHAR(50), sfzh VARCHAR(20), xb VARCHAR(4), csrq DATE, lxdh VARCHAR(20), "
                + "hjszd VARCHAR(12), jzd VARCHAR(12), whcd VARCHAR(20), rylb VARCHAR(100), djrq DATE, zdbm VARCHAR(32), gxsj DATETIME");
        String cols = "xh, xm, sfzh, xb, csrq, lxdh, hjszd, jzd, whcd, rylb, djrq, zdbm, gxsj";
        int n = 0;
        for (Person x : w.persons) {
            if (x.county().equals(c.code()) && x.inCountyDb()) {
                s.insert(p + "jy_ry", cols, ++n, x.name(), x.id(), x.gender().equals("1") ? "男" : "女", x.birth(), x.phone(),
                        x.residence(), x.residence(), Messy.educationLabel(x.education()), Messy.categoryLabels(x.categories()),
                        x.registered(), x.station(), gxsj());
                ledger.valid("person", x.id());
            }
        }
        for (int i = 0; i < 2; i++) {
            String first17 = c.code() + "19911332" + String.format("%03d", f.between(0, 999));
            s.insert(p + "jy_ry", cols, ++n, f.personName(), first17 + IdNumbers.checkChar(first17), "男", null, f.mobile(),
                    null, null, "高中", "", LocalDate.of(2023, 3, 1), null, gxsj());
            ledger.reject("person", "ID_BIRTH_DATE");
        }
        LocalDate birth = LocalDate.of(1985, 6, 15);
        String man = f.idNumber(c.code(), birth, true, taken());
        s.insert(p + "jy_ry", cols, ++n, f.personName(), man, "女", birth, f.mobile(), null, c.anyHome(), "高中", "",
                LocalDate.of(2023, 3, 1), null, gxsj());
        ledger.reject("person", "PERSON_GENDER_MISMATCH");
    }

    private void services(SqlScript s, County c, String p) {
        create(s, p + "jy_fw", "fwbh INT PRIMARY KEY, sfzh VARCHAR(20), ryxh INT, zdbm VARCHAR(32), gh VARCHAR(32), "
                + "fwlx VARCHAR(20), fwrq DATE, gxsj DATETIME");
        String cols = "fwbh, sfzh, ryxh, zdbm, gh, fwlx, fwrq, gxsj";
        int n = 0;
        for (Service x : w.services) {
            if (x.person().county().equals(c.code())) {
                Object[] ref = personRef(x.person());
                insert(s, p + "jy_fw", cols, ++n, ref[0], ref[1], x.station(), x.staff(), serviceLabel(x.type()), x.date(), gxsj());
                ledger.valid("service", serviceKey(x));
            }
        }
        for (int i = 0; i < 2; i++) {
            Person x = f.pick(w.persons);
            Object[] ref = personRef(x);
            insert(s, p + "jy_fw", cols, ++n, ref[0], ref[1], x.station(), null, "电话回访", LocalDate.of(2099, 3, 1),
                    LocalDateTime.of(2023, 12, 30, 9, 0));
            ledger.reject("service", "DATE_FUTURE");
        }
        for (int i = 0; i < 2; i++) {
            String nobody = f.idNumber(c.code(), LocalDate.of(1980, 1, 1).plusDays(i), false, taken());
            insert(s, p + "jy_fw", cols, ++n, vendorKeys ? null : nobody, vendorKeys ? 900_000 + i : null,
                    w.stations.get(0).code(), null, "岗位推荐", LocalDate.of(2023, 11, 1), gxsj());
            ledger.park("service", vendorKeys ? "REF_KEY_UNKNOWN" : "REF_PERSON_UNKNOWN");
        }
    }

    private void placements(SqlScript s, County c, String p) {
        create(s, p + "jy_jy", "jybh INT PRIMARY KEY, sfzh VARCHAR(20), ryxh INT, dwdm VARCHAR(18), dwmc VARCHAR(200), rzrq DATE, "
                + "gz DECIMAL(10,2), xzzq VARCHAR(4), qd VARCHAR(20), jyxs VARCHAR(10), sbbz VARCHAR(2), jyd VARCHAR(12), gxsj DATETIME");
        int n = 0;
        for (Placement x : w.placements) {
            if (x.person().county().equals(c.code())) {
                Object[] ref = personRef(x.person());
                insert(s, p + "jy_jy", "jybh, sfzh, ryxh, dwdm, dwmc, rzrq, gz, xzzq, qd, jyxs, sbbz, jyd, gxsj", ++n, ref[0],
                        ref[1], x.employer().creditCode(), x.employer().name(), x.start(), x.wage(), x.period().equals("month") ? "月" : "日",
                        channelLabel(x.channel()), x.form().equals("gig") ? "零工" : "全职", x.insured() ? "是" : "否",
                        x.person().county(), gxsj());
                ledger.valid("placement", x.person().id() + "|" + x.start());
            }
        }
        List<Person> unplaced = w.persons.stream().filter(x -> x.county().equals(c.code()) && x.inCountyDb()
                && x.registered().isAfter(LocalDate.of(2019, 3, 1)) && x.registered().isBefore(LocalDate.of(2023, 11, 1))
                && w.placements.stream().noneMatch(pl -> pl.person() == x)).limit(3).toList();
        if (unplaced.size() < 3) {
            return;
        }
        Employer employer = w.employers.stream().filter(e -> e.county().equals(c.code())).findFirst().orElseThrow();
        String cols = "jybh, sfzh, ryxh, dwdm, dwmc, rzrq, gz, xzzq, qd, jyxs, sbbz, jyd, gxsj";
        Person a = unplaced.get(0);
        Object[] aRef = personRef(a);
        insert(s, p + "jy_jy", cols, ++n, aRef[0], aRef[1],
                employer.creditCode(), employer.name(), a.registered().plusDays(10),
                new java.math.BigDecimal("500"), "月", "基层平台", "全职", "是", c.code(), gxsj());
        ledger.reject("placement", "WAGE_RANGE");
        Person b = unplaced.get(1);
        Object[] bRef = personRef(b);
        insert(s, p + "jy_jy", cols, ++n, bRef[0], bRef[1],
                employer.creditCode(), employer.name(), b.registered().minusDays(30),
                new java.math.BigDecimal("4500"), "月", "基层平台", "全职", "是", c.code(), gxsj());
        ledger.reject("placement", "PLACEMENT_BEFORE_REGISTRATION");
        Person d = unplaced.get(2);
        Object[] dRef = personRef(d);
        insert(s, p + "jy_jy", cols, ++n, dRef[0], dRef[1],
                f.creditCode(c.code(), new java.util.HashSet<>()), "未登记企业", d.registered()
                .plusDays(5), new java.math.BigDecimal("4500"), "月", "基层平台", "全职", "是", c.code(), gxsj());
        ledger.park("placement", "REF_EMPLOYER_UNKNOWN");
    }

    /** A table of events; the column {@code ryxh} only where events name their person by key. */
    private void create(SqlScript s, String table, String columns) {
        s.create(table, vendorKeys ? columns : columns.replace(" ryxh INT,", ""));
    }

    private void insert(SqlScript s, String table, String columns, Object... values) {
        if (vendorKeys) {
            s.insert(table, columns, values);
            return;
        }
        List<String> names = new java.util.ArrayList<>(List.of(columns.split(",\\s*")));
        int at = names.indexOf("ryxh");
        List<Object> kept = new java.util.ArrayList<>(java.util.Arrays.asList(values));
        names.remove(at);
        kept.remove(at);
        s.insert(table, String.join(", ", names), kept.toArray());
    }

    private java.util.Set<String> taken() {
        return w.ids;
    }

    static String serviceKey(Service x) {
        return x.person().id() + "|" + x.type() + "|" + x.date() + "|" + x.station();
    }

    static String pad(String region) {
        return (region + "000000000000").substring(0, 12);
    }

    static String typeLabel(String type) {
        return switch (type) {
            case "street_platform" -> "街道平台";
            case "township_platform" -> "乡镇平台";
            case "community_platform" -> "社区平台";
            case "gig_market" -> "零工市场";
            case "job_station" -> "就业驿站";
            default -> "人力资源服务站";
        };
    }

    static String serviceLabel(String type) {
        return CodeTables.codes("service_type").get(type);
    }

    static String channelLabel(String channel) {
        return CodeTables.codes("channel").get(channel);
    }
}
