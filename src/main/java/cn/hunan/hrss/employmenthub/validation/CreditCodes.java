package cn.hunan.hrss.employmenthub.validation;

import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.Text;
import java.util.Locale;

/** Unified social credit codes (GB 32100-2015). */
public final class CreditCodes {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The standardised code, or the rule it breaks (REQUIRED_MISSING when blank). */
    public static Object check(String raw) {
        String s = Text.compact(raw);
        if (s == null) {
            return Rule.REQUIRED_MISSING;
        }
        s = s.toUpperCase(Locale.ROOT);
        if (s.length() != 18 || !s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Rule.CREDIT_FORMAT;
        }
        return checkChar(s.substring(0, 17)) == s.charAt(17) ? s : Rule.CREDIT_CHECK;
    }
}
