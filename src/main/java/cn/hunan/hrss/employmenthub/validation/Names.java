package cn.hunan.hrss.employmenthub.validation;

import cn.hunan.hrss.employmenthub.record.Text;
import com.ibm.icu.text.Transliterator;

/**
 * Person names as matching compares them: half-width, no spaces or middle dots, traditional characters read as
 * simplified by ICU's complete Traditional-Simplified table (閆→闫, 曉→晓 and every other), not a hand-kept list.
 */
public final class Names {

    /** ICU transliterators are not safe to share between threads: one per thread. */
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    private Names() {
    }

    public static String normalise(String name) {
        String clean = Text.clean(name);
        if (clean == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(clean.length());
        for (char c : clean.toCharArray()) {
            if (c != ' ' && c != '·' && c != '•' && c != '.') {
                out.append(c);
            }
        }
        return TO_SIMPLIFIED.get().transliterate(out.toString());
    }

    /**
     * An employer's name as matching compares it: half-width, no spaces or brackets, traditional characters read
     * as simplified, and the legal-form suffix (有限公司, 有限责任公司, 股份有限公司, 公司) dropped.
     */
    public static String employer(String name) {
        String n = normalise(name);
        if (n == null) {
            return null;
        }
        n = n.replaceAll("[()（）\\[\\]【】]", "");
        for (String suffix : new String[] {"股份有限公司", "有限责任公司", "有限公司", "公司"}) {
            if (n.endsWith(suffix) && n.length() > suffix.length()) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    /** Levenshtein distance, capped: names differ by 0, 1 or "more". */
    public static int distance(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (Math.abs(a.length() - b.length()) > 1) {
            return 2;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], 2);
    }
}
