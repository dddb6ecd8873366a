package cn.hunan.hrss.employmenthub.warehouse;

import cn.hunan.hrss.employmenthub.record.CanonicalRecord;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.record.Violation;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk in a few bulk statements ({@link BulkInsert}): every record to the landing area, valid ones to their
 * entity's staging table, rejected ones to quarantine, warnings and errors to the violations. No per-row round trips.
 */
public class StagingWriter implements ItemWriter<CanonicalRecord> {

    private static final List<String> LANDING = List.of("run_id", "source_id", "entity", "file_name", "line_no",
            "source_key", "outcome", "payload_enc", "payload_masked");
    private static final List<String> QUARANTINE = List.of("run_id", "origin_run_id", "source_id", "entity", "file_name",
            "line_no", "rule_code", "field_name", "detail", "all_rules", "payload_masked", "payload_enc", "source_key");
    private static final List<String> VIOLATION = List.of("run_id", "source_id", "entity", "file_name", "line_no",
            "rule_code", "severity", "field_name", "detail", "source_key");

    private final BulkInsert insert;
    private final long runId;
    private final int priority;
    private final Map<EntityType, List<String>> stagingColumns = new EnumMap<>(EntityType.class);

    public StagingWriter(BulkInsert insert, long runId, int priority) {
        this.insert = insert;
        this.runId = runId;
        this.priority = priority;
        for (EntityType e : EntityType.values()) {
            List<String> cols = new ArrayList<>(List.of("run_id", "source_id", "file_name", "line_no", "source_key", "priority",
                    "src_updated_at", "match_key", "row_hash"));
            cols.addAll(StagingColumns.staged(e));
            stagingColumns.put(e, List.copyOf(cols));
        }
    }

    @Override
    public void write(Chunk<? extends CanonicalRecord> chunk) {
        List<Object[]> landing = new ArrayList<>(chunk.size());
        List<Object[]> quarantine = new ArrayList<>();
        List<Object[]> violations = new ArrayList<>();
        Map<EntityType, List<Object[]>> staged = new EnumMap<>(EntityType.class);
        for (CanonicalRecord r : chunk) {
            SourceRecord s = r.source();
            String key = ShownKeys.shown(r.sourceKey());
            landing.add(new Object[] {runId, s.sourceId(), s.entity().key(), s.file(), s.line(), landingKey(r),
                    r.rejected() ? "quarantined" : "staged", r.payloadEncrypted(), r.payloadMasked()});
            for (Violation v : r.violations()) {
                violations.add(new Object[] {runId, s.sourceId(), s.entity().key(), s.file(), s.line(), v.rule().name(),
                        v.rule().severity().name(), v.field(), detail(v), key});
            }
            if (r.rejected()) {
                Violation v = r.firstError();
                String all = r.violations().stream().filter(Violation::isError).map(x -> x.rule().name())
                        .distinct().collect(Collectors.joining(","));
                quarantine.add(new Object[] {runId, runId, s.sourceId(), s.entity().key(), s.file(), s.line(), v.rule().name(),
                        v.field(), detail(v), all, r.payloadMasked(), r.payloadEncrypted(), key});
            } else {
                staged.computeIfAbsent(s.entity(), k -> new ArrayList<>()).add(stagingRow(r));
            }
        }
        insert.insert("landing_record", LANDING, landing);
        insert.insert("quarantine", QUARANTINE, quarantine);
        insert.insert("dq_violation", VIOLATION, violations);
        staged.forEach((entity, rows) -> insert.insert(entity.stagingTable(), stagingColumns.get(entity), rows));
    }

    /** The source key as landed; one too long for the column is cut (its record is quarantined for it). */
    private static String landingKey(CanonicalRecord r) {
        String key = r.sourceKey();
        return key == null || key.length() <= ColumnLimits.SOURCE_KEY ? key : key.substring(0, ColumnLimits.SOURCE_KEY);
    }

    /** A violation's explanation, masked and cut to the column's size. */
    private static String detail(Violation v) {
        String d = PiiMasker.mask(v.detail());
        return d == null || d.length() <= 500 ? d : d.substring(0, 500);
    }

    private Object[] stagingRow(CanonicalRecord r) {
        SourceRecord s = r.source();
        List<String> cols = StagingColumns.staged(s.entity());
        Object[] row = new Object[9 + cols.size()];
        row[0] = runId;
        row[1] = s.sourceId();
        row[2] = s.file();
        row[3] = s.line();
        row[4] = r.sourceKey();
        row[5] = priority;
        row[6] = r.columns().get("src_updated_at") instanceof LocalDateTime t ? t : null;
        row[7] = r.matchKey();
        row[8] = r.rowHash();
        for (int i = 0; i < cols.size(); i++) {
            row[9 + i] = r.columns().get(cols.get(i));
        }
        return row;
    }
}
