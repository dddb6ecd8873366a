package cn.hunan.hrss.employmenthub.validation;

import cn.hunan.hrss.employmenthub.record.Text;
import com.ibm.icu.text.Transliterator;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Person names as matching compares them: half-width, no spaces or middle dots, traditional characters read as
 * simplified by ICU's complete Traditional-Simplified table (閆→闫, 曉→晓 and every other), not a hand-kept list.
 */
public final class Names {

    private static final Pattern BRACKETS = Pattern.compile("[()（）\\[\\]【】]");

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
        n = BRACKETS.matcher(n).replaceAll("");
        for (String suffix : new String[] {"股份有限公司", "有限责任公司", "有限公司", "公司"}) {
            if (n.endsWith(suffix) && n.length() > suffix.length()) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    private static final LevenshteinDistance AT_MOST_ONE = new LevenshteinDistance(1);

    /** Levenshtein distance (commons-text), capped: names differ by 0, 1 or "more" (2). */
    public static int distance(String a, String b) {
        int d = AT_MOST_ONE.apply(a, b);
        return d < 0 ? 2 : d;
    }
}
