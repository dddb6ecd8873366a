package cn.hunan.hrss.employmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PiiMaskerTests {

    @Test
    void masksIdNumbersAndMobilesWhereverTheyStand() {
        String masked = PiiMasker.mask("{\"sfzh\":\"11010519491231002x\",\"tel\":\"+86 138-0013-8000\",\"old\":\"150102880730303\"}");

        assertThat(masked).doesNotContain("11010519491231002", "0013", "880730303")
                .contains("110105********002x", "138****8000", "150102*****0303");
    }

    @Test
    void encryptionRoundTripsAndHashesAreKeyed() {
        PersonalData a = new PersonalData("0123456789abcdef0123456789abcdef".getBytes(), false);
        PersonalData b = new PersonalData("fedcba9876543210fedcba9876543210".getBytes(), false);

        assertThat(a.decrypt(a.encrypt("430481199001011234"))).isEqualTo("430481199001011234");
        assertThat(a.encrypt("x")).isNotEqualTo(a.encrypt("x"));
        assertThat(a.hash("430481199001011234")).isEqualTo(a.hash("430481199001011234"))
                .isNotEqualTo(b.hash("430481199001011234"));
    }

    @Test
    void searchingOnlyTheDigitRunsMasksExactlyWhatSearchingTheWholeTextDoes() {
        // given: 20,000 random texts of the pieces numbers are written with: digits, separators, area codes in
        // brackets, country prefixes, X, full-width forms, and words and punctuation around them
        Random random = new Random(20261201);
        List<String> pieces = List.of("(0", "0731)", "(0731)", "(010)", "+86", "0086", "86", "1", "13", "138", "430481", " ",
                "-", "\u00A0", "X", "x", "\uFF11\uFF13\uFF18", "\u3000", "a", ",", ":", "\"", "名", ")", "(", "+");

        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 3 + random.nextInt(14);
            for (int i = 0; i < length; i++) {
                if (random.nextBoolean()) {
                    text.append(pieces.get(random.nextInt(pieces.size())));
                } else {
                    for (int d = 1 + random.nextInt(8); d > 0; d--) {
                        text.append((char) ('0' + random.nextInt(10)));
                    }
                }
            }

            // when / then: the same as the plain whole-text search, pattern after pattern
            assertThat(PiiMasker.mask(text.toString())).as(text.toString()).isEqualTo(wholeTextMask(text.toString()));
        }
    }

    /** The reference: each pattern searched over the whole folded text, in order. */
    private static String wholeTextMask(String text) {
        String sep = "[ \\-\\u00A0]?";
        Pattern id18 = Pattern.compile("(?<![0-9])\\d(?:" + sep + "\\d){16}" + sep + "[\\dXx](?![0-9])");
        Pattern id15 = Pattern.compile("(?<![0-9])\\d(?:" + sep + "\\d){14}(?![0-9])");
        Pattern mobile = Pattern.compile("(?<![0-9])(?:(?:\\+|00)?86" + sep + ")?1[3-9]\\d(?:" + sep + "\\d){8}(?![0-9])");
        Pattern landline = Pattern.compile("(?<![0-9])(?:\\(0\\d{2,3}\\)|0\\d{2,3})" + sep + "\\d{3,4}" + sep
                + "\\d{4}(?![0-9])");
        String masked = text;
        for (Pattern p : List.of(id18, id15, mobile, landline)) {
            Matcher m = p.matcher(PiiMasker.fold(masked));
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (m.find()) {
                String digits = m.group().replaceAll("[^0-9Xx]", "");
                String mask = p == id18 || p == id15 ? PiiMasker.maskIdNumber(digits)
                        : p == mobile ? PiiMasker.maskPhone(digits.substring(digits.length() - 11)) : PiiMasker.maskPhone(digits);
                out.append(masked, last, m.start()).append(mask);
                last = m.end();
            }
            masked = out.append(masked, last, masked.length()).toString();
        }
        return masked;
    }
}
