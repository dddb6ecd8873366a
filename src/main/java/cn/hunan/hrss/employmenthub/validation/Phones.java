package cn.hunan.hrss.employmenthub.validation;

import cn.hunan.hrss.employmenthub.record.Text;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import java.util.regex.Pattern;

/** Mobile and landline numbers after stripping {@code +86}, spaces and dashes. */
public final class Phones {

    private static final Pattern NUMBER = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}\\d{7,8}");

    private Phones() {
    }

    /** The normalised number, or null when it is neither a mobile nor a landline with area code. */
    public static String normalise(String raw) {
        String s = Text.compact(raw);
        if (s == null) {
            return null;
        }
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        } else if (s.startsWith("86") && s.length() == 13) {
            s = s.substring(2);
        }
        if (NUMBER.matcher(s).matches()) {
            return s;
        }
        return null;
    }

    /** {@code 138****5678} for mobiles, area code and last four for landlines. */
    public static String mask(String phone) {
        return PiiMasker.maskPhone(phone);
    }
}
