package cn.hunan.hrss.employmenthub.quality;

import cn.hunan.hrss.employmenthub.quality.AuditData.Jump;
import cn.hunan.hrss.employmenthub.quality.AuditData.RuleLine;
import cn.hunan.hrss.employmenthub.quality.AuditData.Sample;
import cn.hunan.hrss.employmenthub.quality.AuditData.SourceLine;
import cn.hunan.hrss.employmenthub.quality.AuditData.TrendPoint;
import cn.hunan.hrss.employmenthub.quality.AuditData.UnitLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an audit as one self-contained HTML page: inline styles, charts as inline SVG, no script and a
 * content-security policy that forbids fetching anything, so it opens the same offline, attached to a mail.
 */
public final class AuditHtml {

    private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};

    private AuditHtml() {
    }

    public static String render(AuditData a) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>数据质量审计 run ").append(a.run().id()).append("</title><style>")
                .append("body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px}")
                .append("th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".bad{color:#b00}.ok{color:#070}details{margin:.3em 0}code{font-size:90%}")
                .append("</style></head><body>\n");
        header(h, a);
        sources(h, a.sources());
        units(h, a.units());
        rules(h, a.rules());
        samples(h, a.rules(), a.samples());
        trend(h, a.trend());
        jumps(h, a.jumps());
        actions(h, a.actions());
        return h.append("</body></html>\n").toString();
    }

    private static void header(StringBuilder h, AuditData a) {
        long read = a.sources().stream().mapToLong(SourceLine::read).sum();
        long quarantined = a.sources().stream().mapToLong(SourceLine::quarantined).sum();
        h.append("<h1>数据质量审计 Data-quality audit: run <span id=\"run-id\">").append(a.run().id()).append("</span></h1>\n<p>")
                .append("Business date <b>").append(a.run().date()).append("</b>, status <b id=\"run-status\">")
                .append(esc(a.run().status())).append("</b>. Records read <b id=\"total-read\">").append(read)
                .append("</b>, rejected <b id=\"total-quarantined\">").append(quarantined).append("</b> (")
                .append(percent(AuditData.rate(quarantined, read))).append(").</p>\n");
        if (a.run().message() != null) {
            h.append("<p class=\"bad\" id=\"run-message\">").append(esc(a.run().message())).append("</p>\n");
        }
    }

    private static void sources(StringBuilder h, List<SourceLine> sources) {
        h.append("<h2>Per source and entity</h2>\n<table id=\"sources\"><thead><tr><th>source</th><th>entity</th><th>read</th>")
                .append("<th>loaded</th><th>merged</th><th>quarantined</th><th>parked</th><th>held</th><th>reject rate</th>")
                .append("<th>load rate</th></tr></thead><tbody>\n");
        for (SourceLine s : sources) {
            h.append("<tr><td>").append(esc(s.sourceId())).append("</td><td>").append(esc(s.entity())).append("</td>")
                    .append(num(s.read())).append(num(s.loaded())).append(num(s.merged())).append(num(s.quarantined()))
                    .append(num(s.parked())).append(num(s.held())).append("<td class=\"n\">").append(percent(s.rejectRate()))
                    .append("</td><td class=\"n\">").append(percent(s.loadRate())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void units(StringBuilder h, List<UnitLine> units) {
        h.append("<details><summary>Per file and table (").append(units.size()).append("): the source's own count</summary>\n")
                .append("<p>Counted at source: physical lines of a text file, elements of a JSON array, rows of a sheet, rows ")
                .append("of the database window, counted apart from the parser; the reader accounted for every one of them. ")
                .append("A unit not remembered (cut off or broken) is read again.</p>\n")
                .append("<table id=\"units\"><thead><tr><th>source</th><th>entity</th><th>file or table</th>")
                .append("<th>counted at source</th><th>records read</th><th>rows passed over</th><th>remembered</th></tr>")
                .append("</thead><tbody>\n");
        for (UnitLine u : units) {
            h.append("<tr><td>").append(esc(u.sourceId())).append("</td><td>").append(esc(u.entity())).append("</td><td>")
                    .append(esc(u.unit())).append("</td><td class=\"n\">").append(u.counted() == null ? "–" : u.counted())
                    .append("</td>").append(num(u.read())).append(num(u.skipped())).append("<td class=\"")
                    .append(u.remembered() ? "ok\">yes" : "bad\">no").append("</td></tr>\n");
        }
        h.append("</tbody></table></details>\n");
    }

    private static void actions(StringBuilder h, List<cn.hunan.hrss.employmenthub.warehouse.AdminLog.Action> actions) {
        h.append("<h2>管理操作 Admin actions since the previous run</h2>\n");
        if (actions.isEmpty()) {
            h.append("<p id=\"actions-none\">None.</p>\n");
            return;
        }
        h.append("<table id=\"actions\"><thead><tr><th>when</th><th>who</th><th>via</th><th>action</th><th>on what</th>")
                .append("<th>why</th><th>run</th><th>outcome</th></tr></thead><tbody>\n");
        for (var a : actions) {
            h.append("<tr><td>").append(esc(a.actedAt().toString().replace('T', ' '))).append("</td><td>").append(esc(a.actor()))
                    .append("</td><td>").append(esc(a.via())).append("</td><td>").append(esc(a.action())).append("</td><td>")
                    .append(esc(a.target())).append("</td><td>").append(esc(a.reason())).append("</td><td>")
                    .append(a.runId() == null ? "" : a.runId()).append("</td><td>").append(esc(a.outcome()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void rules(StringBuilder h, List<RuleLine> rules) {
        h.append("<h2>Per rule</h2>\n");
        long max = rules.stream().mapToLong(RuleLine::records).max().orElse(1);
        int barHeight = 22;
        int height = Math.max(1, rules.size()) * barHeight + 10;
        h.append("<svg id=\"rule-chart\" role=\"img\" aria-label=\"records per rule\" width=\"760\" height=\"").append(height)
                .append("\" viewBox=\"0 0 760 ").append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (int i = 0; i < rules.size(); i++) {
            RuleLine r = rules.get(i);
            int y = 5 + i * barHeight;
            int width = (int) Math.max(2, Math.round(440.0 * r.records() / max));
            String color = switch (r.severity()) {
                case "WARNING" -> "#e0a800";
                case "PARK" -> "#6c8ebf";
                default -> "#c0392b";
            };
            h.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(esc(r.rule())).append("</text>")
                    .append("<rect class=\"bar\" data-rule=\"").append(esc(r.rule())).append("\" data-count=\"").append(r.records())
                    .append("\" x=\"250\" y=\"").append(y + 2).append("\" width=\"").append(width).append("\" height=\"")
                    .append(barHeight - 6).append("\" fill=\"").append(color).append("\"/>")
                    .append("<text x=\"").append(256 + width).append("\" y=\"").append(y + 15).append("\" font-size=\"12\">")
                    .append(r.records()).append("</text>\n");
        }
        h.append("</svg>\n<table id=\"rules\"><thead><tr><th>rule</th><th>severity</th><th>applies to</th><th>meaning</th>")
                .append("<th>records</th></tr></thead><tbody>\n");
        for (RuleLine r : rules) {
            h.append("<tr><td><code>").append(esc(r.rule())).append("</code></td><td>").append(esc(r.severity()))
                    .append("</td><td>").append(esc(r.entities())).append("</td><td>").append(esc(r.description()))
                    .append("</td>").append(num(r.records())).append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void samples(StringBuilder h, List<RuleLine> rules, Map<String, List<Sample>> samples) {
        h.append("<h2>Samples (up to ").append(AuditQueries.SAMPLES_PER_RULE).append(" per rule, masked)</h2>\n");
        for (RuleLine r : rules) {
            List<Sample> list = samples.getOrDefault(r.rule(), List.of());
            h.append("<details class=\"samples\" data-rule=\"").append(esc(r.rule())).append("\"><summary><code>")
                    .append(esc(r.rule())).append("</code>: ").append(list.size()).append(" of ").append(r.records())
                    .append("</summary><table><thead><tr><th>source</th><th>entity</th><th>file</th><th>line</th><th>key</th><th>field</th>")
                    .append("<th>detail</th><th>record (masked)</th></tr></thead><tbody>\n");
            for (Sample s : list) {
                h.append("<tr><td>").append(esc(s.sourceId())).append("</td><td>").append(esc(s.entity())).append("</td><td>")
                        .append(esc(s.file())).append("</td>").append(num(s.line())).append("<td>").append(esc(s.sourceKey()))
                        .append("</td><td>").append(esc(s.field()))
                        .append("</td><td>").append(esc(s.detail())).append("</td><td><code>").append(esc(s.payloadMasked()))
                        .append("</code></td></tr>\n");
            }
            h.append("</tbody></table></details>\n");
        }
    }

    private static void trend(StringBuilder h, Map<String, List<TrendPoint>> trend) {
        h.append("<h2>Reject rate over the last ").append(AuditQueries.TREND_RUNS).append(" runs</h2>\n");
        BigDecimal max = trend.values().stream().flatMap(List::stream).map(TrendPoint::rejectRate).max(BigDecimal::compareTo)
                .filter(m -> m.signum() > 0).orElse(BigDecimal.ONE);
        int width = 760;
        int height = 220;
        h.append("<svg id=\"trend-chart\" role=\"img\" aria-label=\"reject rate per run and source\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\"><line x1=\"40\" y1=\"200\" x2=\"740\" y2=\"200\" stroke=\"#888\"/>")
                .append("<line x1=\"40\" y1=\"10\" x2=\"40\" y2=\"200\" stroke=\"#888\"/><text x=\"0\" y=\"16\" font-size=\"11\">")
                .append(percent(max)).append("</text><text x=\"0\" y=\"200\" font-size=\"11\">0%</text>\n");
        int color = 0;
        for (Map.Entry<String, List<TrendPoint>> e : trend.entrySet()) {
            List<TrendPoint> points = e.getValue();
            StringBuilder coords = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                double x = 40 + (points.size() == 1 ? 350 : 700.0 * i / (points.size() - 1));
                double y = 200 - 190 * points.get(i).rejectRate().doubleValue() / max.doubleValue();
                coords.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            String c = PALETTE[color++ % PALETTE.length];
            h.append("<polyline class=\"trend\" data-source=\"").append(esc(e.getKey())).append("\" data-points=\"")
                    .append(points.size()).append("\" fill=\"none\" stroke=\"").append(c).append("\" stroke-width=\"2\" points=\"")
                    .append(coords.toString().trim()).append("\"/>\n");
        }
        h.append("</svg>\n<table id=\"trend\"><thead><tr><th>source</th><th>run</th><th>date</th><th>read</th>")
                .append("<th>quarantined</th><th>reject rate</th></tr></thead><tbody>\n");
        trend.forEach((source, points) -> points.forEach(p -> h.append("<tr><td>").append(esc(source)).append("</td>")
                .append(num(p.runId())).append("<td>").append(p.runDate()).append("</td>").append(num(p.read()))
                .append(num(p.quarantined())).append("<td class=\"n\">").append(percent(p.rejectRate())).append("</td></tr>\n")));
        h.append("</tbody></table>\n");
    }

    private static void jumps(StringBuilder h, List<Jump> jumps) {
        h.append("<h2>Sources whose reject rate jumped</h2>\n<ul id=\"jumps\">");
        if (jumps.isEmpty()) {
            h.append("<li class=\"ok\">none: every source stayed near its usual reject rate</li>");
        }
        for (Jump j : jumps) {
            h.append("<li class=\"bad\" data-source=\"").append(esc(j.sourceId())).append("\">").append(esc(j.sourceId()))
                    .append(": ").append(percent(j.rate())).append(" this run, usually ").append(percent(j.usual())).append("</li>");
        }
        h.append("</ul>\n");
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String num(long n) {
        return "<td class=\"n\">" + n + "</td>";
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
