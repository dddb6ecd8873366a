package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.record.CanonicalRecord;
import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.Violation;
import cn.hunan.hrss.employmenthub.validation.RecordStandardiser;
import cn.hunan.hrss.employmenthub.warehouse.ColumnLimits;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Standardises and validates each record read; never filters: rejected records go on to quarantine. A value that
 * its warehouse column cannot hold breaks {@link Rule#VALUE_TOO_LONG}, so that one oversized field quarantines its
 * record instead of failing the chunk.
 */
public class RecordProcessor implements ItemProcessor<ReadItem, CanonicalRecord> {

    private final RecordStandardiser standardiser;
    private final ColumnLimits limits;

    public RecordProcessor(RecordStandardiser standardiser, ColumnLimits limits) {
        this.standardiser = standardiser;
        this.limits = limits;
    }

    @Override
    public CanonicalRecord process(ReadItem item) {
        CanonicalRecord r = standardiser.standardise(item.record(), item.mapping());
        List<ColumnLimits.Overflow> overflows = limits.overflows(item.record().entity(), r);
        if (overflows.isEmpty()) {
            return r;
        }
        List<Violation> violations = new ArrayList<>(r.violations());
        overflows.forEach(o -> violations.add(new Violation(Rule.VALUE_TOO_LONG, o.column(), o.detail())));
        return new CanonicalRecord(r.source(), r.sourceKey(), r.columns(), r.matchKey(), r.rowHash(), violations,
                r.payloadEncrypted(), r.payloadMasked());
    }
}
