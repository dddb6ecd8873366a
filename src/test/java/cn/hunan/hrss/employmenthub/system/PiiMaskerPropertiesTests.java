package cn.hunan.hrss.employmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.validation.IdNumbers;
import cn.hunan.hrss.employmenthub.validation.Phones;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based: however a village register writes an ID number or a phone (full-width digits, spaces, dashes,
 * {@code +86}, lowercase x, brackets around an area code), and whatever text stands around it, the masked text
 * shows no run of its digits that would give it away, and the masker's own check finds nothing left.
 */
class PiiMaskerPropertiesTests {

    @Property(tries = 2000)
    void idNumbersAreMaskedInAnyWidthAndSpacing(@ForAll("idNumbers") String id, @ForAll("writings") Writing w,
                                               @ForAll("surroundings") String before, @ForAll("surroundings") String after) {
        String written = w.write(id, new int[] {6, 10, 14});
        String masked = PiiMasker.mask(before + written + after);
        assertThat(folded(masked).toUpperCase()).doesNotContain(id).contains(IdNumbers.mask(id));
        assertThat(PiiMasker.showsPersonalData(masked)).as(masked).isFalse();
    }

    @Property(tries = 2000)
    void mobilesAreMaskedInAnyWidthAndSpacing(@ForAll("mobiles") String mobile, @ForAll("writings") Writing w,
                                            @ForAll boolean countryCode, @ForAll("surroundings") String before,
                                            @ForAll("surroundings") String after) {
        String written = (countryCode ? w.fullWidth ? "＋８６ " : "+86 " : "") + w.write(mobile, new int[] {3, 7});
        String masked = PiiMasker.mask(before + written + after);
        assertThat(folded(masked)).doesNotContain(mobile).contains(Phones.mask(mobile));
        assertThat(PiiMasker.showsPersonalData(masked)).as(masked).isFalse();
    }

    @Property(tries = 1000)
    void landlinesAreMasked(@ForAll("landlines") String landline, @ForAll("writings") Writing w,
                            @ForAll("surroundings") String before, @ForAll("surroundings") String after) {
        String written = w.write(landline, new int[] {4});
        String masked = PiiMasker.mask(before + written + after);
        assertThat(folded(masked)).doesNotContain(landline).contains(Phones.mask(landline));
        assertThat(PiiMasker.showsPersonalData(masked)).as(masked).isFalse();
    }

    @Property(tries = 500)
    void textWithoutPersonalDataIsLeftAlone(@ForAll("ordinaryValues") String value) {
        assertThat(PiiMasker.mask(value)).isEqualTo(value);
    }

    /** How a number is written: digit width, what separates its groups, the case of its x. */
    record Writing(boolean fullWidth, String separator, boolean lowerX) {

        String write(String number, int[] groups) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < number.length(); i++) {
                for (int g : groups) {
                    if (g == i) {
                        out.append(separator);
                    }
                }
                char c = number.charAt(i);
                if (c == 'X' && lowerX) {
                    c = 'x';
                }
                out.append(fullWidth && (Character.isDigit(c) || c == 'X' || c == 'x') ? (char) (c + 0xFEE0) : c);
            }
            return out.toString();
        }
    }

    @Provide
    Arbitrary<Writing> writings() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of("", " ", "-", "　", "－"),
                Arbitraries.of(true, false)).as(Writing::new);
    }

    @Provide
    Arbitrary<String> idNumbers() {
        Arbitrary<String> region = Arbitraries.of("430481", "431322", "430102", "110105", "360426");
        Arbitrary<String> birth = Arbitraries.integers().between(1950, 2007).flatMap(y -> Arbitraries.integers().between(1, 12)
                .flatMap(m -> Arbitraries.integers().between(1, 28).map(d -> String.format("%04d%02d%02d", y, m, d))));
        Arbitrary<String> seq = Arbitraries.integers().between(0, 999).map(n -> String.format("%03d", n));
        return Combinators.combine(region, birth, seq).as((r, b, s) -> r + b + s + IdNumbers.checkChar(r + b + s));
    }

    @Provide
    Arbitrary<String> mobiles() {
        return Combinators.combine(Arbitraries.integers().between(3, 9), Arbitraries.strings().numeric().ofLength(9))
                .as((second, rest) -> "1" + second + rest);
    }

    @Provide
    Arbitrary<String> landlines() {
        return Combinators.combine(Arbitraries.of("0734", "0738", "0731", "0746"), Arbitraries.strings().numeric().ofLength(7),
                Arbitraries.integers().between(2, 8)).as((area, rest, first) -> area + first + rest);
    }

    @Provide
    Arbitrary<String> surroundings() {
        return Arbitraries.of("", " ", "电话:", "\"tel\":\"", "\",", "身份证号 ", "，", "(", "a", "：");
    }

    @Provide
    Arbitrary<String> ordinaryValues() {
        return Arbitraries.of("430481120201", "2023-12-20", "20230323", "430481-ZD0050", "430321-GH00167", "汪志杰",
                "{\"regTime\":\"2024-09-20T09:30:00+08:00\"}", "岗位推荐", "3500.00", "91430100MA4L0XXX1X");
    }

    private static String folded(String s) {
        return PiiMasker.fold(s).replaceAll("[ \\-]", "");
    }
}
