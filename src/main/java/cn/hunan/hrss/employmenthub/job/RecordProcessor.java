package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.record.CanonicalRecord;
import cn.hunan.hrss.employmenthub.validation.RecordStandardiser;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Standardises and validates each record read; never filters: rejected records go on to quarantine. */
public class RecordProcessor implements ItemProcessor<ReadItem, CanonicalRecord> {

    private final RecordStandardiser standardiser;

    public RecordProcessor(RecordStandardiser standardiser) {
        this.standardiser = standardiser;
    }

    @Override
    public CanonicalRecord process(ReadItem item) {
        return standardiser.standardise(item.record(), item.mapping());
    }
}
