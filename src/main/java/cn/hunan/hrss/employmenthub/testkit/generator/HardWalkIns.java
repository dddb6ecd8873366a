package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.World.County;
import cn.hunan.hrss.employmenthub.testkit.generator.World.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk-in register made hard ({@code generate --hard-walk-ins}), as a county's monthly visit books are: one in
 * ten of the county platform's persons comes by, written with two or three mistakes at once (a birth date digit
 * miscopied or day and month swapped while the phone is missing or has two digits swapped, a same-sounding,
 * traditional or mistyped name with the birth date or phone wrong, a mistyped name with a wrong birth date and no
 * phone, a person who moved township), and a quarter as many decoys
 * who are not that person: a namesake in the same village with another phone, a person of the same name and birth
 * date in another township, a parent who gives the child's phone. Each line's truth names its mistakes.
 */
final class HardWalkIns {

    /** The combinations of mistakes of true walk-ins, in turn. */
    static final List<String> COMBINATIONS = List.of("birth-digit+phone-missing", "birth-swap+phone-missing",
            "birth-digit+phone-transposed", "birth-swap+phone-transposed", "homophone+phone-missing",
            "traditional+birth-digit", "typo+phone-transposed", "homophone+birth-digit+phone-transposed",
            "traditional+birth-swap+phone-missing", "moved-township+birth-digit", "full-width+birth-swap+phone-missing",
            "homophone+birth-digit", "typo+birth-digit+phone-missing", "typo+birth-swap+phone-missing");
    /** The kinds of decoys, in turn. */
    static final List<String> DECOYS = List.of("decoy-namesake-same-village", "decoy-same-name-and-birth",
            "decoy-parent-sharing-phone");

    /** A line of the register and its truth: the mistakes and, for a true walk-in, the person. */
    record Line(String text, String mistakes, Person person) {
    }

    private final Fakes f;

    HardWalkIns(Fakes f) {
        this.f = f;
    }

    /** The county's hard walk-ins: true ones for one in ten of {@code inDb}, then the decoys; keys from {@code W1}. */
    List<Line> lines(County c, List<Person> inDb) {
        List<Line> out = new ArrayList<>();
        int known = Math.max(COMBINATIONS.size(), inDb.size() / 10);
        int step = Math.max(1, inDb.size() / known);
        for (int i = 0; i < known && i * step < inDb.size(); i++) {
            Person p = inDb.get(i * step);
            String combination = COMBINATIONS.get(i % COMBINATIONS.size());
            out.add(new Line(row(out.size() + 1, p, combination, c), combination, p));
        }
        int decoys = Math.max(DECOYS.size(), known / 4);
        for (int i = 0; i < decoys; i++) {
            Person p = inDb.get((i * 7 + 3) % inDb.size());
            String kind = DECOYS.get(i % DECOYS.size());
            out.add(new Line(decoy(out.size() + 1, p, kind, c), kind, null));
        }
        return out;
    }

    private String row(int n, Person p, String combination, County c) {
        String name = p.name();
        String phone = p.phone();
        LocalDate birth = p.birth();
        String residence = p.residence();
        for (String mistake : combination.split("\\+")) {
            switch (mistake) {
                case "birth-digit" -> birth = WalkInWriter.oneDigitOff(birth);
                case "birth-swap" -> birth = swapped(birth);
                case "phone-missing" -> phone = "";
                case "phone-transposed" -> phone = WalkInWriter.swapDigits(phone);
                case "homophone" -> name = WalkInWriter.homophone(name);
                case "traditional" -> name = WalkInWriter.traditional(name);
                case "typo" -> name = WalkInWriter.typo(name, f);
                case "full-width" -> name = name.charAt(0) + "\u3000" + name.substring(1);
                case "moved-township" -> residence = elsewhere(c, p.residence());
                default -> throw new IllegalArgumentException(mistake);
            }
        }
        return line(n, name, p.gender(), birth, phone, residence, p.residence(), p.registered());
    }

    private String decoy(int n, Person p, String kind, County c) {
        return switch (kind) {
            case "decoy-namesake-same-village" -> line(n, p.name(), p.gender(), p.birth().minusYears(f.between(6, 20))
                    .plusDays(f.between(20, 200)), f.mobile(), p.residence(), p.residence(), p.registered());
            case "decoy-same-name-and-birth" -> {
                String home = elsewhere(c, p.residence());
                yield line(n, p.name(), p.gender(), p.birth(), f.mobile(), home, home, p.registered());
            }
            default -> line(n, p.name().charAt(0) + (p.name().endsWith("建国") ? "卫东" : "建国"), "1",
                    p.birth().minusYears(f.between(24, 32)).minusDays(f.between(10, 300)), p.phone(), p.residence(),
                    p.residence(), p.registered());
        };
    }

    private static String line(int n, String name, String gender, LocalDate birth, String phone, String residence,
                               String household, LocalDate registered) {
        return String.join(",", "W" + n, name, gender.equals("1") ? "男" : "女", birth.toString(), phone, residence, household,
                registered.toString());
    }

    /** Day and month swapped where that is another real date; else one digit of the day off. */
    static LocalDate swapped(LocalDate birth) {
        int day = birth.getDayOfMonth();
        int month = birth.getMonthValue();
        if (day <= 12 && day != month) {
            return LocalDate.of(birth.getYear(), day, month);
        }
        return WalkInWriter.oneDigitOff(birth);
    }

    /** A village or community of the county in another township than {@code home}'s, else another one at all. */
    private String elsewhere(County c, String home) {
        List<String> homes = c.homes();
        String township = home.length() >= 9 ? home.substring(0, 9) : home;
        for (int i = 0; i < homes.size(); i++) {
            String other = homes.get((i * 31 + f.between(0, homes.size() - 1)) % homes.size());
            if (!other.startsWith(township)) {
                return other;
            }
        }
        return homes.size() > 1 ? homes.get(homes.get(0).equals(home) ? 1 : 0) : home;
    }
}
