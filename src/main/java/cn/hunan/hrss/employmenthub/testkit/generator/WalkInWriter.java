package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.World.County;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Person;
import cn.hunan.hrss.employmenthub.validation.IdNumbers;
import cn.hunan.hrss.employmenthub.validation.Pinyin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The station's walk-in register: persons noted without an ID number, about one in fifty of the county platform's
 * persons, each written the way hand-kept registers get them wrong (a mistyped or same-sounding character,
 * traditional characters, full-width digits, the name in pinyin, two phone digits swapped, no phone, a birth date
 * with one digit off), some mistakes combined; and decoys who share a real person's name and nothing else. The
 * truth names, for each walk-in, the county-platform record of the same person (or nobody for a decoy).
 */
final class WalkInWriter {

    /** Characters of the generator's given names, each followed by another of the same sound (toneless pinyin). */
    static final String HOMOPHONES = "伟玮芳方娜纳敏民静敬丽立强墙磊垒军君洋阳勇永艳燕杰洁娟涓涛韬明鸣超潮秀绣兰岚霞侠"
            + "平萍刚钢桂贵英鹰华桦建剑国帼文雯辉晖玲铃红宏梅玫云芸飞菲鹏朋亮谅斌彬宇雨浩昊凯铠健建俊骏帆凡欣昕怡宜佳嘉琪棋"
            + "晨辰阳洋雪学婷亭倩茜颖莹家佳豪毫子紫涵寒思丝远源志智海亥燕艳春椿花华秋丘菊桔湘香";

    private static final int VARIANTS = 10;

    private final World w;
    private final Fakes f;
    private final Ledger ledger;
    /** Walk-ins with two or three mistakes at once and hard decoys ({@link HardWalkIns}). */
    boolean hard;

    WalkInWriter(World w, Fakes f, Ledger ledger) {
        this.w = w;
        this.f = f;
        this.ledger = ledger;
    }

    void write(County c, Path file) throws IOException {
        write(c, file, null);
    }

    /**
     * As {@link #write(County, Path)}; given {@code book}, the register is a workbook instead, one sheet per month
     * ({@code 2023年1月} …), and the residence is written as the village's name, as the officers write it.
     */
    void write(County c, Path file, Path book) throws IOException {
        String sourceId = c.code() + (book == null ? "-station-register" : "-walkin-book");
        List<String> lines = new ArrayList<>();
        lines.add(c.name() + "就业驿站临时登记（未登记身份证）,,,,,,,");
        lines.add("序号,姓名,性别,出生日期,联系电话,居住地代码,户籍地代码,登记日期");
        List<Person> inDb = new ArrayList<>();
        for (Person p : w.persons) {
            if (p.county().equals(c.code()) && p.inCountyDb()) {
                inDb.add(p);
            }
        }
        if (hard && !inDb.isEmpty()) {
            for (HardWalkIns.Line line : new HardWalkIns(f).lines(c, inDb)) {
                lines.add(line.text());
                String key = line.text().substring(0, line.text().indexOf(','));
                if (line.person() != null) {
                    ledger.valid("person", line.person().id());
                    ledger.fuzzy(sourceId, key, null, null, IdNumbers.mask(line.person().id()), c.code() + "-county-platform",
                            w.countyDbKey(line.person()), line.mistakes());
                } else {
                    ledger.park("person", "PERSON_UNMATCHED");
                    ledger.fuzzy(sourceId, key, null, null, null, null, null, line.mistakes());
                }
            }
            writeOut(c, lines, file, book);
            return;
        }
        int known = Math.min(inDb.size(), Math.max(VARIANTS, inDb.size() / 50));
        int step = Math.max(1, inDb.size() / Math.max(1, known));
        int n = 0;
        for (int i = 0; i < known; i++) {
            int at = i * step;
            Person p = inDb.get(at);
            String key = "W" + (++n);
            lines.add(row(key, p, i % VARIANTS));
            ledger.valid("person", p.id());
            ledger.fuzzy(sourceId, key, null, null, IdNumbers.mask(p.id()),
                    c.code() + "-county-platform", w.countyDbKey(p));
        }
        for (int i = 0; i < Math.max(1, known / 5) && !inDb.isEmpty(); i++) {
            Person p = inDb.get(i * step);
            LocalDate birth = p.birth().minusYears(3 + f.between(0, 5)).plusDays(f.between(30, 300));
            String key = "W" + (++n);
            lines.add(String.join(",", key, p.name(), gender(p), birth.toString(), f.mobile(), p.residence(),
                    p.residence(), p.registered().toString()));
            ledger.park("person", "PERSON_UNMATCHED");
            ledger.fuzzy(sourceId, key, null, null, null, null, null);
        }
        writeOut(c, lines, file, book);
    }

    private void writeOut(County c, List<String> lines, Path file, Path book) throws IOException {
        if (book == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String line : lines) {
                RegisterWriter.line(out, line);
            }
            Files.write(file, out.toByteArray());
        } else {
            monthly(c, lines.subList(1, lines.size()), book);
        }
    }

    /** The walk-ins spread over twelve monthly sheets, each with the header; residences by village name. */
    private void monthly(County c, List<String> lines, Path book) throws IOException {
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(
                    1_700_000_000_000L)));
            String[] header = lines.get(0).split(",", -1);
            header[5] = "居住地";
            org.apache.poi.ss.usermodel.Sheet[] sheets = new org.apache.poi.ss.usermodel.Sheet[12];
            for (int m = 0; m < 12; m++) {
                sheets[m] = wb.createSheet("2023年" + (m + 1) + "月");
                org.apache.poi.ss.usermodel.Row h = sheets[m].createRow(0);
                for (int i = 0; i < header.length; i++) {
                    h.createCell(i).setCellValue(header[i]);
                }
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] v = lines.get(i).split(",", -1);
                v[5] = villageName(c, v[5]);
                org.apache.poi.ss.usermodel.Sheet sheet = sheets[(i - 1) % 12];
                org.apache.poi.ss.usermodel.Row r = sheet.createRow(sheet.getLastRowNum() + 1);
                for (int k = 0; k < v.length; k++) {
                    r.createCell(k).setCellValue(v[k]);
                }
            }
            wb.createSheet("填表说明").createRow(0).createCell(0).setCellValue("每月一页；居住地写村（社区）名");
            try (java.io.OutputStream out = Files.newOutputStream(book)) {
                wb.write(out);
            }
        }
    }

    /**
     * A residence code as an officer writes it: the village's short name (金钩村 for 金钩村委会) where that names one
     * village of the county, else with its township's name before it, else the code.
     */
    static String villageName(County c, String code) {
        cn.hunan.hrss.employmenthub.record.Regions regions = cn.hunan.hrss.employmenthub.record.Regions.hunan();
        var region = regions.find(code).orElse(null);
        if (region == null) {
            return code;
        }
        List<String> spoken = cn.hunan.hrss.employmenthub.record.Regions.spoken(region.name());
        String name = spoken.get(spoken.size() - 1);
        if (regions.named(name, c.code()).size() == 1) {
            return name;
        }
        var township = regions.find(region.parentCode()).orElse(null);
        if (township != null && regions.named(township.name() + name, c.code()).size() == 1) {
            return township.name() + name;
        }
        return code;
    }

    /** One walk-in line for a real person, written with mistake number {@code variant}. */
    private String row(String key, Person p, int variant) {
        String name = p.name();
        String phone = p.phone();
        LocalDate birth = p.birth();
        switch (variant) {
            case 0 -> name = typo(name, f);
            case 1 -> name = traditional(name);
            case 2 -> phone = swapDigits(phone);
            case 3 -> phone = "";
            case 4 -> name = homophone(name);
            case 5 -> {
                name = name.charAt(0) + "\u3000" + name.substring(1);
                phone = Messy.fullWidth(phone);
            }
            case 6 -> {
                name = typo(name, f);
                phone = swapDigits(phone);
            }
            case 7 -> {
                name = homophone(name);
                phone = "";
            }
            case 8 -> birth = oneDigitOff(birth);
            default -> name = pinyin(name);
        }
        return String.join(",", key, name, gender(p), birth.toString(), phone, p.residence(), p.residence(),
                p.registered().toString());
    }

    private static String gender(Person p) {
        return p.gender().equals("1") ? "男" : "女";
    }

    /** The last character replaced by a common one, as a hurried hand writes it. */
    static String typo(String name, Fakes f) {
        char[] chars = name.toCharArray();
        int at = chars.length - 1;
        char replacement = "明华强伟静丽".charAt(f.between(0, 5));
        chars[at] = replacement == chars[at] ? '勇' : replacement;
        return new String(chars);
    }

    /** The last character replaced by another of the same sound, as a pinyin input method offers it. */
    static String homophone(String name) {
        char last = name.charAt(name.length() - 1);
        int at = HOMOPHONES.indexOf(last);
        char other = at < 0 ? last : HOMOPHONES.charAt(at % 2 == 0 ? at + 1 : at - 1);
        return name.substring(0, name.length() - 1) + other;
    }

    /** Pairs of traditional and simplified characters frequent in names: how the generator writes a name traditionally. */
    static final String TRADITIONAL_SIMPLIFIED = "張张劉刘陳陈楊杨黃黄趙赵吳吴孫孙馬马鄭郑謝谢韓韩馮冯鄧邓蕭萧葉叶蘇苏呂吕"
            + "盧卢鍾钟譚谭陸陆賈贾韋韦範范鄒邹龍龙賀贺顧顾龔龚萬万錢钱嚴严湯汤偉伟靜静麗丽強强軍军濤涛雲云飛飞鵬鹏華华國国輝辉紅红"
            + "蘭兰剛刚傑杰娟娟艷艳鳳凤險险東东風风興兴鐘钟齊齐樂乐愛爱寶宝誠诚達达義义禮礼順顺進进廣广慶庆";

    static String traditional(String name) {
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (char ch : name.toCharArray()) {
            int at = TRADITIONAL_SIMPLIFIED.indexOf(ch);
            if (at > 0 && at % 2 == 1) {
                out.append(TRADITIONAL_SIMPLIFIED.charAt(at - 1));
                changed = true;
            } else {
                out.append(ch);
            }
        }
        return changed ? out.toString() : name.charAt(0) + " " + name.substring(1);
    }

    /** The name in pinyin, surname first and capitalised, as a form in Latin letters takes it: {@code Zhang Wei}. */
    static String pinyin(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            String r = Pinyin.readings(name.charAt(i)).stream().sorted().findFirst().orElse("");
            if (i <= 1) {
                out.append(i == 1 ? " " : "").append(r.substring(0, 1).toUpperCase(Locale.ROOT)).append(r.substring(1));
            } else {
                out.append(r);
            }
        }
        return out.toString();
    }

    static String swapDigits(String phone) {
        for (int i = 5; i + 1 < phone.length(); i++) {
            if (phone.charAt(i) != phone.charAt(i + 1)) {
                return phone.substring(0, i) + phone.charAt(i + 1) + phone.charAt(i) + phone.substring(i + 2);
            }
        }
        return phone;
    }

    /** The birth date with one digit of its day mistyped (still a real date). */
    static LocalDate oneDigitOff(LocalDate birth) {
        int day = birth.getDayOfMonth();
        for (int other : new int[] {day % 10 != 0 ? day - 1 : 0, day % 10 != 9 ? day + 1 : 0, day - 10}) {
            if (other >= 1 && other <= birth.lengthOfMonth()) {
                return birth.withDayOfMonth(other);
            }
        }
        throw new IllegalStateException("no day one digit off " + birth);
    }
}
