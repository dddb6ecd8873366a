package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.record.SourceRecord;

/** Streams the records of one {@link ExtractUnit}; memory stays flat however large the unit is. */
public interface RecordCursor extends AutoCloseable {

    /** The next record, or null at the end. */
    SourceRecord next() throws Exception;

    /** Rows passed over as configured (blank, subtotal, title rows after the header). */
    long skipped();

    /** For databases, the highest updated-at value read, else null. */
    default String highWatermark() {
        return null;
    }

    @Override
    void close() throws Exception;
}
