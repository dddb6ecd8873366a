package cn.hunan.hrss.employmenthub.record;

import java.util.regex.Pattern;

/**
 * Text standardisation shared by every field type: full-width to half-width, trimming, blank to null, and no
 * control characters (NUL, BEL, ESC, DEL...) or invisible zero-width characters and byte-order marks, which a
 * register's export can carry into a name and nobody can see or search for.
 */
public final class Text {

    private static final Pattern SPACES_DASHES_BRACKETS = Pattern.compile("[\\s\\-()（）]");

    private Text() {
    }

    /** Folds full-width ASCII and the ideographic space, trims, collapses inner runs of spaces; null if blank. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0' || c == '\t' || c == '\r' || c == '\n') {
                c = ' ';
            } else if (Character.getType(c) == Character.CONTROL || c == '\u200B' || c == '\u200C' || c == '\u200D'
                    || c == '\uFEFF') {
                continue;
            }
            if (c == ' ') {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** {@link #clean} then drops every space, dash and bracket: for numbers and codes. */
    public static String compact(String raw) {
        String s = clean(raw);
        if (s == null) {
            return null;
        }
        String c = SPACES_DASHES_BRACKETS.matcher(s).replaceAll("");
        return c.isEmpty() ? null : c;
    }
}
