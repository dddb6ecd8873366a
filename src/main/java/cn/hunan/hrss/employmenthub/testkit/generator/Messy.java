package cn.hunan.hrss.employmenthub.testkit.generator;

import java.time.LocalDate;

/** The ways grassroots registers spoil clean values: formats, widths, spaces, case, old ID numbers. */
final class Messy {

    private final Fakes f;

    Messy(Fakes f) {
        this.f = f;
    }

    String date(LocalDate d) {
        return switch (f.between(0, 3)) {
            case 0 -> d.toString();
            case 1 -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
            case 2 -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            default -> d.toString().replace("-", "");
        };
    }

    /** Full-width digits, lowercase x, a stray space, or the first-generation 15-digit form. */
    String idNumber(String id) {
        if (f.chance(0.1) && id.substring(6, 8).equals("19")) {
            return id.substring(0, 6) + id.substring(8, 17);
        }
        String s = id;
        if (f.chance(0.15)) {
            s = fullWidth(s);
        }
        if (f.chance(0.5)) {
            s = s.replace('X', 'x');
        }
        return f.chance(0.1) ? " " + s + " " : s;
    }

    String phone(String mobile) {
        return switch (f.between(0, 4)) {
            case 0 -> "+86 " + mobile;
            case 1 -> mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7);
            case 2 -> fullWidth(mobile);
            default -> mobile;
        };
    }

    String name(String name) {
        return f.chance(0.08) ? name + " " : name;
    }

    static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return sb.toString();
    }

    static String educationLabel(String code) {
        return switch (code) {
            case "10" -> "研究生";
            case "20" -> "本科";
            case "30" -> "大专";
            case "40" -> "中专";
            case "60" -> "高中";
            case "70" -> "初中";
            case "80" -> "小学";
            default -> "其他";
        };
    }

    static String categoryLabels(java.util.Set<String> cats) {
        return String.join("、", cats.stream().map(c -> switch (c) {
            case "difficulty" -> "就业困难人员";
            case "rural" -> "农村劳动力";
            case "graduate" -> "高校毕业生";
            case "poverty" -> "脱贫劳动力";
            case "veteran" -> "退役军人";
            case "fisher" -> "退捕渔民";
            case "disabled" -> "残疾人";
            default -> "失业人员";
        }).toList());
    }

    /** Corrupts an ID number's check character. */
    static String badCheck(String id) {
        char c = id.charAt(17);
        char other = c == '0' ? '1' : c == 'X' ? '2' : (char) (c == '9' ? '0' : c + 1);
        return id.substring(0, 17) + other;
    }
}
