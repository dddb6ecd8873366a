package cn.hunan.hrss.employmenthub.quality;

import java.util.List;

/** Formats a run's reconciliation as the table the nightly command prints. */
public final class SummaryTable {

    private SummaryTable() {
    }

    public static String format(List<Reconciliation> rows) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-32s %-14s %9s %9s %9s %9s %9s %11s %8s %s%n";
        sb.append(String.format(fmt, "source", "entity", "read", "new", "updated", "unchanged", "merged", "quarantined",
                "skipped", "check"));
        long[] total = new long[7];
        for (Reconciliation r : rows) {
            sb.append(String.format(fmt, r.sourceId(), r.entity(), r.read(), r.created(), r.updated(), r.unchanged(),
                    r.merged(), r.quarantined(), r.skippedRows(), r.balanced() ? "ok" : "MISMATCH"));
            long[] v = {r.read(), r.created(), r.updated(), r.unchanged(), r.merged(), r.quarantined(), r.skippedRows()};
            for (int i = 0; i < v.length; i++) {
                total[i] += v[i];
            }
        }
        sb.append(String.format(fmt, "TOTAL", "", total[0], total[1], total[2], total[3], total[4], total[5], total[6],
                total[0] == total[1] + total[2] + total[3] + total[4] + total[5] ? "ok" : "MISMATCH"));
        return sb.toString();
    }
}
