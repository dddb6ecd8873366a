package cn.hunan.hrss.employmenthub.validation;

import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.Text;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/** Resident ID numbers (GB 11643-1999): normalisation, 15 to 18 conversion, check character, birth date. */
public final class IdNumbers {

    private static final Pattern FIRST_GENERATION = Pattern.compile("\\d{15}");
    private static final Pattern SECOND_GENERATION = Pattern.compile("\\d{17}[\\dX]");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** Outcome of checking one number: the 18-character form, or the rule it broke. */
    public record Result(String value, Rule rule, boolean converted) {
        public boolean valid() {
            return rule == null;
        }
    }

    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Standardises (width, spaces, lowercase x, 15 digits) and validates against {@code today}. */
    public static Result check(String raw, LocalDate today) {
        String s = Text.compact(raw);
        if (s == null) {
            return new Result(null, Rule.REQUIRED_MISSING, false);
        }
        s = s.toUpperCase(Locale.ROOT);
        boolean converted = false;
        if (FIRST_GENERATION.matcher(s).matches()) {
            String first17 = s.substring(0, 6) + "19" + s.substring(6);
            s = first17 + checkChar(first17);
            converted = true;
        }
        if (!SECOND_GENERATION.matcher(s).matches()) {
            return new Result(null, Rule.ID_FORMAT, false);
        }
        LocalDate birth = birthDate(s);
        if (birth == null || birth.isAfter(today) || birth.getYear() < 1900) {
            return new Result(null, Rule.ID_BIRTH_DATE, false);
        }
        if (checkChar(s.substring(0, 17)) != s.charAt(17)) {
            return new Result(null, Rule.ID_CHECK_DIGIT, false);
        }
        return new Result(s, null, converted);
    }

    /** Birth date of an 18-character number, or null when the digits are no date. */
    public static LocalDate birthDate(String id18) {
        try {
            return LocalDate.of(Integer.parseInt(id18.substring(6, 10)), Integer.parseInt(id18.substring(10, 12)),
                    Integer.parseInt(id18.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** GB/T 2261.1 gender code from the 17th digit: odd 1 (male), even 2 (female). */
    public static String genderCode(String id18) {
        return (id18.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }

    /** Shows the division code and the last four characters only: {@code 430102********1234}. */
    public static String mask(String id) {
        return PiiMasker.maskIdNumber(id);
    }
}
