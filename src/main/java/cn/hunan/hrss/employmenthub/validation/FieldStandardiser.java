package cn.hunan.hrss.employmenthub.validation;

import cn.hunan.hrss.employmenthub.record.CodeTables;
import cn.hunan.hrss.employmenthub.record.Dates;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.record.FieldType;
import cn.hunan.hrss.employmenthub.record.Regions.Region;
import cn.hunan.hrss.employmenthub.record.Regions;
import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.Text;
import cn.hunan.hrss.employmenthub.record.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Standardises and checks one raw value against its field: the value in canonical form, or the rule it broke.
 * Personal fields come back in plain form here; the caller protects them before they go anywhere.
 */
final class FieldStandardiser {

    private static final Pattern CODE_SEPARATORS = Pattern.compile("[,;、|/，；\\s]+");

    /** Outcome for one field: value (possibly null when blank) and the violations it produced. */
    record Outcome(Object value, Violation violation) {
        static Outcome ok(Object value) {
            return new Outcome(value, null);
        }
    }

    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(Map.entry("是", true), Map.entry("否", false),
            Map.entry("有", true), Map.entry("无", false), Map.entry("包", true), Map.entry("不包", false),
            Map.entry("y", true), Map.entry("n", false), Map.entry("yes", true), Map.entry("no", false),
            Map.entry("true", true), Map.entry("false", false), Map.entry("1", true), Map.entry("0", false));

    private final Dates dates;
    private final LocalDate runDate;
    private final Regions regions;
    private final String scope;

    /** @param scope the division code the source covers, within which a region given by name is looked up */
    FieldStandardiser(Dates dates, LocalDate runDate, Regions regions, String scope) {
        this.dates = dates;
        this.runDate = runDate;
        this.regions = regions;
        this.scope = scope == null ? "43" : scope;
    }

    Outcome standardise(Field f, String raw, Map<String, String> synonyms) {
        String clean = Text.clean(raw);
        if (clean == null) {
            return f.required() ? bad(f, Rule.REQUIRED_MISSING, "empty") : Outcome.ok(null);
        }
        return switch (f.type()) {
            case TEXT -> Outcome.ok(clean);
            case ID_NUMBER -> idNumber(f, clean);
            case CREDIT_CODE -> {
                Object r = CreditCodes.check(clean);
                yield r instanceof Rule rule ? bad(f, rule, "credit code " + (rule == Rule.CREDIT_CHECK
                        ? "check character wrong" : "malformed")) : Outcome.ok(r);
            }
            case PHONE -> {
                String p = Phones.normalise(clean);
                yield p == null ? bad(f, Rule.PHONE_FORMAT, "not a phone number") : Outcome.ok(p);
            }
            case DATE -> date(f, dates.parseDate(clean));
            case MONTH -> date(f, dates.parseMonth(clean));
            case DATETIME -> {
                var t = dates.parseDateTime(clean);
                yield t == null ? bad(f, Rule.DATE_FORMAT, "unparseable date-time") : Outcome.ok(t);
            }
            case INTEGER, DECIMAL -> number(f, clean);
            case BOOLEAN -> {
                String mapped = synonyms.getOrDefault(clean, clean);
                Boolean b = BOOLEANS.get(mapped.toLowerCase());
                yield b == null ? bad(f, Rule.BOOLEAN_FORMAT, "not a yes/no value") : Outcome.ok(b);
            }
            case CODE -> code(f, clean, synonyms).map(Outcome::ok)
                    .orElseGet(() -> bad(f, Rule.CODE_UNKNOWN, "'" + clean + "' not in table " + f.arg()));
            case CODES -> codes(f, clean, synonyms);
            case REGION -> region(f, synonyms.getOrDefault(clean, clean));
        };
    }

    private Outcome idNumber(Field f, String clean) {
        IdNumbers.Result r = IdNumbers.check(clean, runDate);
        if (!r.valid()) {
            return bad(f, r.rule(), r.rule().description());
        }
        return r.converted() ? new Outcome(r.value(), new Violation(Rule.ID_15_CONVERTED, f.name(), "converted"))
                : Outcome.ok(r.value());
    }

    private Outcome date(Field f, LocalDate d) {
        if (d == null) {
            return bad(f, Rule.DATE_FORMAT, "matches none of the date formats");
        }
        if (d.isAfter(runDate) && !f.name().startsWith("expires")) {
            return bad(f, Rule.DATE_FUTURE, d + " is after the run date " + runDate);
        }
        return Outcome.ok(d);
    }

    private Outcome number(Field f, String clean) {
        BigDecimal n;
        try {
            n = new BigDecimal(clean.replace(",", "").replace("元", "").replace("人", "").trim());
        } catch (NumberFormatException e) {
            return bad(f, Rule.NUMBER_FORMAT, "not a number");
        }
        if ((f.min() != null && n.compareTo(f.min()) < 0) || (f.max() != null && n.compareTo(f.max()) > 0)) {
            return bad(f, Rule.NUMBER_RANGE, n.toPlainString() + " outside " + f.min() + ".." + f.max());
        }
        if (f.type() == FieldType.INTEGER) {
            try {
                return Outcome.ok(n.longValueExact());
            } catch (ArithmeticException e) {
                return bad(f, Rule.NUMBER_FORMAT, "not a whole number");
            }
        }
        return Outcome.ok(n.setScale(2, java.math.RoundingMode.HALF_UP));
    }

    private static Optional<String> code(Field f, String clean, Map<String, String> synonyms) {
        String mapped = synonyms.get(clean);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return CodeTables.lookup(f.arg(), clean);
    }

    private Outcome codes(Field f, String clean, Map<String, String> synonyms) {
        TreeSet<String> out = new TreeSet<>();
        for (String part : List.of(CODE_SEPARATORS.split(clean))) {
            if (part.isBlank()) {
                continue;
            }
            Optional<String> c = code(f, part.trim(), synonyms);
            if (c.isEmpty()) {
                return bad(f, Rule.CODE_UNKNOWN, "'" + part + "' not in table " + f.arg());
            }
            out.add(c.get());
        }
        return Outcome.ok(out.isEmpty() ? null : "," + String.join(",", out) + ",");
    }

    private Outcome region(Field f, String clean) {
        if (clean.chars().noneMatch(Character::isDigit)) {
            return regionByName(f, clean);
        }
        Optional<Region> r = regions.find(clean);
        if (r.isEmpty()) {
            return bad(f, Rule.REGION_UNKNOWN, "'" + clean + "' is no Hunan division code");
        }
        if (!Regions.levelMatches(r.get(), f.arg())) {
            return bad(f, Rule.REGION_LEVEL, "a " + r.get().level() + " code where a " + f.arg() + " is needed");
        }
        return Outcome.ok(r.get().code());
    }

    /** A division written as its name (真如庵村, 大市镇真如庵村), looked up within the source's area. */
    private Outcome regionByName(Field f, String name) {
        List<Region> found = regions.named(name, scope).stream().filter(r -> Regions.levelMatches(r, f.arg())).toList();
        if (found.isEmpty()) {
            return bad(f, Rule.REGION_NAME_UNKNOWN, "'" + name + "' names no " + (f.arg() == null || "any".equals(f.arg())
                    ? "division" : f.arg()) + " in " + scope);
        }
        if (found.size() > 1) {
            return bad(f, Rule.REGION_NAME_AMBIGUOUS, "'" + name + "' names " + found.size() + " divisions in " + scope + ": "
                    + found.stream().limit(5).map(r -> r.code() + " " + regions.path(r)).collect(java.util.stream.Collectors
                    .joining(", ")) + (found.size() > 5 ? ", …" : ""));
        }
        return Outcome.ok(found.get(0).code());
    }

    private static Outcome bad(Field f, Rule rule, String detail) {
        return new Outcome(null, new Violation(rule, f.name(), detail));
    }
}
