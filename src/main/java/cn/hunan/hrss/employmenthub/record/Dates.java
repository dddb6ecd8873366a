package cn.hunan.hrss.employmenthub.record;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalQuery;
import java.time.format.ResolverStyle;
import java.util.List;

/** Parses dates in a source's accepted formats (strictly: 2023-02-30 is no date). */
public final class Dates {

    public static final List<String> DEFAULT_FORMATS =
            List.of("yyyy-MM-dd", "yyyy/M/d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d", "yyyy.M.d");
    private static final List<DateTimeFormatter> MONTHS = List.of("yyyy-MM", "yyyy/M", "yyyy年M月", "yyyyMM", "yyyy.M")
            .stream().map(Dates::formatter).toList();
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss][.SSSSSS][.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);
    /** ISO-8601 with an offset ({@code 2024-09-20T09:30:00+08:00}, {@code …Z}): read as the time in the province. */
    private static final DateTimeFormatter ISO_OFFSET = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final java.time.ZoneId PROVINCE = java.time.ZoneId.of("Asia/Shanghai");
    /** A time after a date and a space or {@code T}, as registers and exports write it: {@code 9:30}, {@code 09:30:15}. */
    private static final java.util.regex.Pattern TIME_AFTER = java.util.regex.Pattern.compile(
            "^(.+?)[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?$");

    private static final java.util.regex.Pattern EXCEL_SERIAL = java.util.regex.Pattern.compile("\\d{5}(\\.0+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final List<DateTimeFormatter> formatters;
    private final boolean excelSerials;

    public Dates(List<String> formats) {
        this(formats, false);
    }

    /**
     * With {@code excelSerials} (workbooks), a date cell typed as a plain number, {@code 45170}, is read as Excel's day
     * count (1899-12-30 plus that many days) when it lies between 1954 and 2119.
     */
    public Dates(List<String> formats, boolean excelSerials) {
        this.formatters = formats.stream().map(Dates::formatter).toList();
        this.excelSerials = excelSerials;
    }

    /** A formatter for a jobs-config pattern; {@code yyyy} is read as a proleptic year for strict parsing. */
    public static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * A date in one of the formats, or a date-time whose date part is (a time after a space or {@code T}, ISO-8601
     * with an offset read as the time in the province); null when none fits.
     */
    public LocalDate parseDate(String value) {
        String s = Text.clean(value);
        if (s == null) {
            return null;
        }
        LocalDate d = dateOnly(s);
        if (d != null) {
            return d;
        }
        if (excelSerials && EXCEL_SERIAL.matcher(s).matches()) {
            long days = Long.parseLong(s.substring(0, 5));
            if (days >= 20_000 && days <= 80_000) {
                return EXCEL_EPOCH.plusDays(days);
            }
        }
        LocalDateTime dt = parseDateTime(s);
        return dt == null ? null : dt.toLocalDate();
    }

    private LocalDate dateOnly(String s) {
        for (DateTimeFormatter f : formatters) {
            LocalDate d = parse(s, f, LocalDate::from);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /**
     * The value read with one pattern, or null. Text the pattern does not fit is told by {@code parseUnresolved}, which
     * throws nothing; only a value that fits the pattern and names no real date (2023-02-30) costs an exception.
     */
    private static <T> T parse(String s, DateTimeFormatter f, TemporalQuery<T> query) {
        ParsePosition position = new ParsePosition(0);
        try {
            if (f.parseUnresolved(s, position) == null || position.getErrorIndex() >= 0 || position.getIndex() != s.length()) {
                return null;
            }
            return f.parse(s, query);
        } catch (DateTimeException e) {
            return null;     // fits the pattern, names nothing real: 2023-02-30, an offset of +25:00
        }
    }

    public LocalDate parseMonth(String value) {
        String s = Text.clean(value);
        if (s == null) {
            return null;
        }
        for (DateTimeFormatter f : MONTHS) {
            YearMonth m = parse(s, f, YearMonth::from);
            if (m != null) {
                return m.atDay(1);
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
        LocalDateTime plain = parse(s, ISO_DATE_TIME, LocalDateTime::from);
        if (plain != null) {
            return plain;
        }
        java.time.OffsetDateTime offset = parse(s, ISO_OFFSET, java.time.OffsetDateTime::from);
        if (offset != null) {
            return offset.atZoneSameInstant(PROVINCE).toLocalDateTime();
        }
        LocalDate d = dateOnly(s);
        if (d != null) {
            return d.atStartOfDay();
        }
        java.util.regex.Matcher m = TIME_AFTER.matcher(s);
        if (m.matches()) {
            LocalDate date = dateOnly(m.group(1).strip());
            int hour = Integer.parseInt(m.group(2));
            int minute = Integer.parseInt(m.group(3));
            int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            if (date != null && hour < 24 && minute < 60 && second < 60) {
                return date.atTime(hour, minute, second);
            }
        }
        return null;
    }
}
