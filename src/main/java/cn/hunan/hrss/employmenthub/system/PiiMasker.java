package cn.hunan.hrss.employmenthub.system;

import cn.hunan.hrss.employmenthub.validation.IdNumbers;
import cn.hunan.hrss.employmenthub.validation.Phones;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything in a text that looks like a resident ID number or a mobile number, whichever column it
 * came from: what auditors see of a rejected record never shows either in full.
 */
public final class PiiMasker {

    private static final Pattern ID = Pattern.compile("(?<![0-9０-９])[0-9０-９]{6}[0-9０-９]{8,11}[0-9０-９Xx](?![0-9０-９])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?!\\d)");

    private PiiMasker() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(IdNumbers.mask(m.group())));
        }
        m.appendTail(out);
        Matcher p = MOBILE.matcher(out.toString());
        StringBuilder out2 = new StringBuilder();
        while (p.find()) {
            String digits = p.group().replaceAll("\\D", "");
            p.appendReplacement(out2, Matcher.quoteReplacement(Phones.mask(digits.substring(digits.length() - 11))));
        }
        p.appendTail(out2);
        return out2.toString();
    }
}
