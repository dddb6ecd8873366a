package cn.hunan.hrss.employmenthub.validation;

import java.util.HashMap;
import java.util.Map;

/**
 * Person names as matching compares them: half-width, no spaces or middle dots, traditional characters read
 * as simplified (the common name characters; a full conversion table is a later refinement).
 */
public final class Names {

    /** Pairs of traditional and simplified characters frequent in names. */
    public static final String TRADITIONAL_SIMPLIFIED = "張张劉刘陳陈楊杨黃黄趙赵吳吴孫孙馬马鄭郑謝谢韓韩馮冯鄧邓蕭萧葉叶蘇苏呂吕"
            + "盧卢鍾钟譚谭陸陆賈贾韋韦範范鄒邹龍龙賀贺顧顾龔龚萬万錢钱嚴严湯汤偉伟靜静麗丽強强軍军濤涛雲云飛飞鵬鹏華华國国輝辉紅红"
            + "蘭兰剛刚傑杰娟娟艷艳鳳凤險险東东風风興兴鐘钟齊齐樂乐愛爱寶宝誠诚達达義义禮礼順顺進进廣广慶庆";

    private static final Map<Character, Character> TO_SIMPLIFIED = new HashMap<>();

    static {
        for (int i = 0; i + 1 < TRADITIONAL_SIMPLIFIED.length(); i += 2) {
            TO_SIMPLIFIED.put(TRADITIONAL_SIMPLIFIED.charAt(i), TRADITIONAL_SIMPLIFIED.charAt(i + 1));
        }
    }

    private Names() {
    }

    public static String normalise(String name) {
        String clean = Text.clean(name);
        if (clean == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(clean.length());
        for (char c : clean.toCharArray()) {
            if (c == ' ' || c == '·' || c == '•' || c == '.') {
                continue;
            }
            out.append(TO_SIMPLIFIED.getOrDefault(c, c));
        }
        return out.toString();
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
