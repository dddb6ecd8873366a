package cn.hunan.hrss.employmenthub.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything an audit report shows about one run, gathered from the warehouse. Personal data appears only
 * masked: samples come from the masked copies kept in the landing area and quarantine.
 */
public record AuditData(Run run, List<SourceLine> sources, List<UnitLine> units, List<RuleLine> rules,
                        Map<String, List<Sample>> samples, Map<String, List<TrendPoint>> trend, List<Jump> jumps,
                        List<cn.hunan.hrss.employmenthub.warehouse.AdminLog.Action> actions) {

    public record Run(long id, LocalDate date, String status, String message) {
    }

    public record SourceLine(String sourceId, String entity, long read, long loaded, long merged, long quarantined,
                             long parked, long held) {
        public BigDecimal rejectRate() {
            return rate(quarantined, read);
        }

        public BigDecimal loadRate() {
            return rate(loaded + merged, read);
        }
    }

    /**
     * One file or table read: what the source itself holds ({@code counted}: physical lines, JSON elements, sheet rows,
     * database rows; null where it broke before it could be counted), the records read from it, the rows passed over,
     * and whether it is remembered as loaded (a file cut off or broken is not, and is read again).
     */
    public record UnitLine(String sourceId, String entity, String unit, Long counted, long read, long skipped,
                           boolean remembered) {
    }

    public record RuleLine(String rule, String severity, String entities, String description, long records) {
    }

    /** One flagged record: where it is (file and line; for a database, the table and the row's key) and why. */
    public record Sample(String sourceId, String entity, String file, long line, String sourceKey, String field, String detail,
                         String payloadMasked) {
    }

    /** A source's reject rate in one of the last runs that read anything from it. */
    public record TrendPoint(long runId, LocalDate runDate, long read, long quarantined) {
        public BigDecimal rejectRate() {
            return rate(quarantined, read);
        }
    }

    /** A source whose reject rate in this run jumped above its usual level. */
    public record Jump(String sourceId, BigDecimal rate, BigDecimal usual) {
    }

    /** {@code part / whole} as a fraction with 4 decimals; 0 when nothing was read. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, java.math.RoundingMode.HALF_UP);
    }
}
