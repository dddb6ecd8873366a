package cn.hunan.hrss.employmenthub.validation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/** Parses dates in a source's accepted formats (strictly: 2023-02-30 is no date). */
public final class Dates {

    public static final List<String> DEFAULT_FORMATS =
            List.of("yyyy-MM-dd", "yyyy/M/d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d", "yyyy.M.d");
    private static final List<String> MONTH_FORMATS = List.of("yyyy-MM", "yyyy/M", "yyyy年M月", "yyyyMM", "yyyy.M");
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss][.SSSSSS][.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);

    private final List<DateTimeFormatter> formatters;

    public Dates(List<String> formats) {
        this.formatters = formats.stream().map(Dates::formatter).toList();
    }

    /** A formatter for a jobs-config pattern; {@code yyyy} is read as a proleptic year for strict parsing. */
    public static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
    }

    public LocalDate parseDate(String value) {
        String s = Text.clean(value);
        if (s == null) {
            return null;
        }
        for (DateTimeFormatter f : formatters) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        LocalDateTime dt = parseDateTime(s);
        return dt == null ? null : dt.toLocalDate();
    }

    public LocalDate parseMonth(String value) {
        String s = Text.clean(value);
        if (s == null) {
            return null;
        }
        for (String p : MONTH_FORMATS) {
            try {
                return YearMonth.parse(s, formatter(p)).atDay(1);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        LocalDate d = parseDate(s);
        return d == null ? null : d.withDayOfMonth(1);
    }

    /** Date-times as databases print them ({@code 2023-08-01 10:15:00}, ISO {@code T}), or a bare date. */
    public LocalDateTime parseDateTime(String value) {
        String s = Text.clean(value);
        if (s == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(s, ISO_DATE_TIME);
        } catch (DateTimeParseException e) {
            for (DateTimeFormatter f : formatters) {
                try {
                    return LocalDate.parse(s, f).atStartOfDay();
                } catch (DateTimeParseException ignored) {
                    // try the next format
                }
            }
            return null;
        }
    }
}
