package cn.hunan.hrss.employmenthub.quality;

import java.util.List;

/** Formats a run's reconciliation as the table the nightly command prints. */
public final class SummaryTable {

    private static final String FORMAT = "%-30s %-13s %7s %7s %7s %9s %7s %11s %6s %5s %7s %8s %7s %s%n";

    private SummaryTable() {
    }

    public static String format(List<Reconciliation> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(FORMAT, "source", "entity", "read", "new", "updated", "unchanged", "merged", "quarantined",
                "parked", "held", "skipped", "released", "expired", "check"));
        long[] total = new long[12];
        for (Reconciliation r : rows) {
            long[] v = {r.read(), r.created(), r.updated(), r.unchanged(), r.merged(), r.quarantined(), r.parked(), r.held(),
                r.skippedRows(), r.released(), r.expired()};
            sb.append(line(r.sourceId(), r.entity(), v, r.balanced()));
            for (int i = 0; i < v.length; i++) {
                total[i] += v[i];
            }
        }
        boolean balanced = total[0] == total[1] + total[2] + total[3] + total[4] + total[5] + total[6] + total[7];
        sb.append(line("TOTAL", "", total, balanced));
        return sb.toString();
    }

    private static String line(String source, String entity, long[] v, boolean balanced) {
        return String.format(FORMAT, source, entity, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                balanced ? "ok" : "MISMATCH");
    }
}
