package cn.hunan.hrss.employmenthub.quality;

import cn.hunan.hrss.employmenthub.quality.AuditData.RuleLine;
import cn.hunan.hrss.employmenthub.quality.AuditData.SourceLine;
import cn.hunan.hrss.employmenthub.quality.AuditData.TrendPoint;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an audit as one self-contained HTML page from the template {@code templates/audit.html} (Thymeleaf, which
 * escapes every value): this class only works out the charts' geometry. Inline styles, charts as inline SVG, no script
 * and a content-security policy that forbids fetching anything, so it opens the same offline, attached to a mail.
 */
public final class AuditHtml {

    private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int BAR_HEIGHT = 22;
    private static final SpringTemplateEngine ENGINE = engine();

    /** One bar of the chart per rule. */
    public record Bar(String rule, long records, int y, int textY, int width, int height, String color) {
    }

    /** One line of the reject-rate chart per source. */
    public record Line(String source, int points, String color, String coordinates) {
    }

    /** What the template formats. */
    public static final class Format {
        public String percent(BigDecimal fraction) {
            return AuditHtml.percent(fraction);
        }

        public String when(LocalDateTime t) {
            return t == null ? "" : t.toString().replace('T', ' ');
        }
    }

    private AuditHtml() {
    }

    public static String render(AuditData a) {
        long read = a.sources().stream().mapToLong(SourceLine::read).sum();
        long quarantined = a.sources().stream().mapToLong(SourceLine::quarantined).sum();
        Context c = new Context(Locale.ROOT);
        c.setVariable("a", a);
        c.setVariable("f", new Format());
        c.setVariable("read", read);
        c.setVariable("quarantined", quarantined);
        c.setVariable("rejectRate", AuditData.rate(quarantined, read));
        c.setVariable("bars", bars(a.rules()));
        c.setVariable("chartHeight", Math.max(1, a.rules().size()) * BAR_HEIGHT + 10);
        BigDecimal max = a.trend().values().stream().flatMap(List::stream).map(TrendPoint::rejectRate)
                .max(BigDecimal::compareTo).filter(m -> m.signum() > 0).orElse(BigDecimal.ONE);
        c.setVariable("trendMax", max);
        c.setVariable("lines", lines(a.trend(), max));
        c.setVariable("samplesPerRule", AuditQueries.SAMPLES_PER_RULE);
        c.setVariable("trendRuns", AuditQueries.TREND_RUNS);
        return ENGINE.process("audit", c);
    }

    private static List<Bar> bars(List<RuleLine> rules) {
        long max = rules.stream().mapToLong(RuleLine::records).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleLine r = rules.get(i);
            int y = 5 + i * BAR_HEIGHT;
            int width = (int) Math.max(2, Math.round(440.0 * r.records() / max));
            String color = switch (r.severity()) {
                case "WARNING" -> "#e0a800";
                case "PARK" -> "#6c8ebf";
                default -> "#c0392b";
            };
            bars.add(new Bar(r.rule(), r.records(), y + 2, y + 15, width, BAR_HEIGHT - 6, color));
        }
        return bars;
    }

    private static List<Line> lines(Map<String, List<TrendPoint>> trend, BigDecimal max) {
        List<Line> lines = new ArrayList<>();
        int color = 0;
        for (Map.Entry<String, List<TrendPoint>> e : trend.entrySet()) {
            List<TrendPoint> points = e.getValue();
            StringBuilder coords = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                double x = 40 + (points.size() == 1 ? 350 : 700.0 * i / (points.size() - 1));
                double y = 200 - 190 * points.get(i).rejectRate().doubleValue() / max.doubleValue();
                coords.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            lines.add(new Line(e.getKey(), points.size(), PALETTE[color++ % PALETTE.length], coords.toString().trim()));
        }
        return lines;
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(AuditHtml.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
