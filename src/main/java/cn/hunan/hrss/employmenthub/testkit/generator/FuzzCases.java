package cn.hunan.hrss.employmenthub.testkit.generator;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The hostile values of {@code generate --defects=fuzz}: a person written the way a careless or hostile export writes
 * one, with what a correct pipeline must make of it ({@code rule} null: it loads as a new person).
 */
final class FuzzCases {

    /** One way of writing a person's values. */
    enum Value {
        PLAIN(null), FULL_WIDTH(null), SPACED(null), CONTROL(null), ASTRAL(null), INJECTION(null), FORMULA_TEXT(null),
        TOO_LONG("VALUE_TOO_LONG"), HUGE("VALUE_TOO_LONG"), BAD_CHECK("ID_CHECK_DIGIT"), BAD_PHONE("PHONE_FORMAT"),
        BAD_DATE("DATE_FORMAT"), NO_NAME("REQUIRED_MISSING");

        final String rule;

        Value(String rule) {
            this.rule = rule;
        }
    }

    /** A person's values as written, and the rule that must quarantine them (null: they load). */
    record Person(String name, String idNumber, String gender, String phone, String registered, String rule, Value value) {
    }

    private static final char[] FULL_WIDTH_DIGITS = "０１２３４５６７８９".toCharArray();

    private final Fakes f;
    private final String county;
    private final Set<String> taken;

    FuzzCases(Fakes f, String county, Set<String> taken) {
        this.f = f;
        this.county = county;
        this.taken = taken;
    }

    /** Values a kind of source can carry: {@code excluded} are those it cannot (1 MB in a cell, 𠮷 in GBK). */
    List<Value> values(Set<Value> excluded) {
        List<Value> out = new ArrayList<>();
        for (Value v : EnumSet.complementOf(EnumSet.of(Value.HUGE))) {
            if (!excluded.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    Person person(Value v) {
        Person p = values(v);
        return new Person(p.name(), p.idNumber(), p.gender(), p.phone(), p.registered(), p.rule(), v);
    }

    private Person values(Value v) {
        boolean male = f.chance(0.5);
        String id = f.idNumber(county, f.date(LocalDate.of(1970, 1, 1), LocalDate.of(2000, 12, 31)), male, taken);
        String name = f.personName();
        String phone = f.mobile();
        String registered = f.date(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)).toString();
        String gender = male ? "男" : "女";
        return switch (v) {
            case PLAIN -> new Person(name, id, gender, phone, registered, null, null);
            case FULL_WIDTH -> new Person(name, fullWidth(id), gender, fullWidth(phone), registered, null, null);
            case SPACED -> new Person(name, id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14), gender,
                    "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7), registered, null, null);
            case CONTROL -> new Person(name.charAt(0) + "\u0007" + name.substring(1) + "\u001B", id, gender, phone, registered,
                    null, null);
            case ASTRAL -> new Person("\uD842\uDFB7" + name.substring(1), id, gender, phone, registered, null, null);
            case INJECTION -> new Person(name + "'); DROP TABLE wh_person; --", id, gender, phone, registered, null, null);
            case FORMULA_TEXT -> new Person("=HYPERLINK(\"http://127.0.0.1/x\",\"" + name + "\")", id, gender, phone,
                    registered, null, null);
            case TOO_LONG -> new Person(name.repeat(600 / name.length() + 1), id, gender, phone, registered, v.rule, null);
            case HUGE -> new Person(name.repeat(1_100_000 / name.length()), id, gender, phone, registered, v.rule, null);
            case BAD_CHECK -> new Person(name, Messy.badCheck(id), gender, phone, registered, v.rule, null);
            case BAD_PHONE -> new Person(name, id, gender, "12345", registered, v.rule, null);
            case BAD_DATE -> new Person(name, id, gender, phone, "2023年13月45日", v.rule, null);
            case NO_NAME -> new Person("", id, gender, phone, registered, v.rule, null);
        };
    }

    /** A fresh person the plain way. */
    Person plain() {
        return person(Value.PLAIN);
    }

    /** A name whose bytes in {@code written} are not valid in {@code declared}: the line must be an encoding error. */
    String undecodableName(Charset written, Charset declared) {
        while (true) {
            String name = f.personName();
            try {
                declared.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(name.getBytes(written)));
            } catch (CharacterCodingException e) {
                return name;
            }
        }
    }

    private static String fullWidth(String digits) {
        StringBuilder sb = new StringBuilder(digits.length());
        for (char c : digits.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? FULL_WIDTH_DIGITS[c - '0'] : c == 'X' ? 'Ｘ' : c);
        }
        return sb.toString();
    }
}
