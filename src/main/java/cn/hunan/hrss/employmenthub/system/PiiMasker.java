package cn.hunan.hrss.employmenthub.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything in a text that looks like a resident ID number (18 or 15 characters), a mobile number or a
 * landline, whichever column it came from and however it was written: full-width digits (village registers write
 * {@code １３８…}), spaces, full-width spaces or dashes between the digits ({@code 138-1234-5678},
 * {@code 430481 1997 1002 3356}), a {@code +86} or {@code 0086} prefix, a lowercase {@code x}, an area code in
 * brackets. What auditors see of a record (landing copy, quarantine, violations, evidence, audit report, logs,
 * messages) never shows any of them in full.
 *
 * <p>The text is searched in a folded copy (full-width digits, letters and signs as ASCII, one character for one,
 * so positions agree); what is found is replaced by its mask, the rest of the text is kept as it was.
 */
public final class PiiMasker {

    private static final String SEP = "[ \\-\\u00A0]?";
    private static final String BEFORE = "(?<![0-9])";
    private static final String AFTER = "(?![0-9])";
    private static final Pattern ID18 = Pattern.compile(BEFORE + "\\d(?:" + SEP + "\\d){16}" + SEP + "[\\dXx]" + AFTER);
    private static final Pattern ID15 = Pattern.compile(BEFORE + "\\d(?:" + SEP + "\\d){14}" + AFTER);
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:(?:\\+|00)?86" + SEP + ")?1[3-9]\\d(?:" + SEP
            + "\\d){8}(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(?:\\(0\\d{2,3}\\)|0\\d{2,3})" + SEP + "\\d{3,4}" + SEP
            + "\\d{4}(?![0-9])");
    private static final List<Pattern> IN_ORDER = List.of(ID18, ID15, MOBILE, LANDLINE);
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9Xx]");

    private PiiMasker() {
    }

    /** The fewest digits each pattern needs (a landline: a 3-digit area code, 3 and 4 digits). */
    private static final int[] FEWEST_DIGITS = {18 - 1, 15, 11, 10};

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        String folded = fold(text);
        for (int i = 0; i < IN_ORDER.size(); i++) {
            String replaced = replace(masked, folded, IN_ORDER.get(i), FEWEST_DIGITS[i]);
            if (replaced != masked) {
                masked = replaced;
                folded = fold(masked);
            }
        }
        return masked;
    }

    /** Whether a text still shows something the masker would mask (for tests and checks of output). */
    public static boolean showsPersonalData(String text) {
        String folded = fold(text);
        return IN_ORDER.stream().anyMatch(p -> p.matcher(folded).find());
    }

    /**
     * {@code text} with what {@code pattern} finds in its folded copy masked; the same instance if nothing is. Every
     * character any pattern can take is a digit, a separator, {@code X}, {@code +} or a bracket, so every match lies
     * within one run of such characters: only the runs with enough digits are searched (with the text around them
     * visible to the look-arounds), which finds what a search of the whole text finds, in the same order.
     */
    private static String replace(String text, String folded, Pattern pattern, int fewestDigits) {
        Matcher m = pattern.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        while (i < folded.length()) {
            if (!inRun(folded.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            while (i < folded.length() && inRun(folded.charAt(i))) {
                char c = folded.charAt(i++);
                if (c >= '0' && c <= '9') {
                    digits++;
                }
            }
            if (digits < fewestDigits) {
                continue;
            }
            m.region(start, i);
            while (m.find()) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, last, m.start()).append(maskOf(m.group(), pattern));
                last = m.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    private static boolean inRun(char c) {
        return c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '\u00A0' || c == 'X' || c == 'x' || c == '+' || c == '('
                || c == ')';
    }

    private static String maskOf(String found, Pattern pattern) {
        String digits = NOT_DIGIT.matcher(found).replaceAll("");
        if (pattern == ID18 || pattern == ID15) {
            return maskIdNumber(digits);
        }
        if (pattern == MOBILE) {
            return maskPhone(digits.substring(digits.length() - 11));
        }
        return maskPhone(digits);
    }

    /** Full-width forms (U+FF01..U+FF5E) as ASCII and the ideographic space as a space: one char for one. */
    static String fold(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '\uFF01' && c[i] <= '\uFF5E') {
                c[i] = (char) (c[i] - 0xFEE0);
            } else if (c[i] == '\u3000') {
                c[i] = ' ';
            }
        }
        return new String(c);
    }

    /** An ID number with its birth date and sequence hidden: the first six and last four characters shown. */
    public static String maskIdNumber(String id) {
        if (id == null || id.length() < 10) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** A phone number with its middle hidden: the first three and last four digits shown. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
