package cn.hunan.hrss.employmenthub.quality;

/**
 * One line of a run's reconciliation: what was read, and where every record read went. {@code released}
 * and {@code expired} are records read by earlier runs and parked until this one: they are shown, not balanced.
 * {@code accounted} and {@code balanced} come from the view {@code v_reconciliation}, their one definition.
 */
public record Reconciliation(String sourceId, String entity, long read, long created, long updated, long unchanged,
                             long merged, long quarantined, long parked, long held, long skippedRows, long released,
                             long expired, long accounted, boolean balanced) {
}
