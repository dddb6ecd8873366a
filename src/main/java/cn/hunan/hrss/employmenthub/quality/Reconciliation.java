package cn.hunan.hrss.employmenthub.quality;

/** One line of a run's reconciliation: what was read, and where every record read went. */
public record Reconciliation(String sourceId, String entity, long read, long created, long updated, long unchanged,
                             long merged, long quarantined, long skippedRows) {

    public long accounted() {
        return created + updated + unchanged + merged + quarantined;
    }

    public boolean balanced() {
        return read == accounted();
    }
}
