package cn.hunan.hrss.employmenthub.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * How names sound: the toneless pinyin readings of a character (pinyin4j, every reading of a polyphone), so that
 * a name typed with the wrong character of the same sound (张伟 and 张玮, the commonest slip of a pinyin input
 * method) or written in pinyin (Zhang Wei) is recognised.
 */
public final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    /**
     * The readings of each character asked for so far: pinyin4j formats every reading with regular expressions on
     * each call, and matching asks millions of times about a few thousand characters.
     */
    private static final java.util.concurrent.ConcurrentMap<Character, Set<String>> READINGS =
            new java.util.concurrent.ConcurrentHashMap<>();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /** The toneless readings of a character; empty for anything but a Chinese character. */
    public static Set<String> readings(char c) {
        return READINGS.computeIfAbsent(c, Pinyin::read);
    }

    private static Set<String> read(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return all == null ? Set.of() : Arrays.stream(all).collect(Collectors.toUnmodifiableSet());
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether two normalised names sound the same and are not equal: the same length with every character equal or
     * sharing a reading, or one written in Latin letters that spells a reading of the other.
     */
    public static boolean soundsAlike(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        if (latin(a) != latin(b)) {
            return latin(a) ? spells(a.toLowerCase(Locale.ROOT), b, 0) : spells(b.toLowerCase(Locale.ROOT), a, 0);
        }
        if (latin(a) || a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && (readings(x).isEmpty() || readings(x).stream().noneMatch(readings(y)::contains))) {
                return false;
            }
        }
        return true;
    }

    private static boolean latin(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c < 128 && Character.isLetter(c));
    }

    /** Whether {@code letters} is a reading of {@code name}'s characters from {@code at} on, one after another. */
    private static boolean spells(String letters, String name, int at) {
        if (at == name.length()) {
            return letters.isEmpty();
        }
        List<String> options = readings(name.charAt(at)).stream().sorted().toList();
        for (String r : options) {
            if (letters.startsWith(r.replace("v", "u")) && spells(letters.substring(r.length()), name, at + 1)
                    || letters.startsWith(r) && spells(letters.substring(r.length()), name, at + 1)) {
                return true;
            }
        }
        return false;
    }
}
