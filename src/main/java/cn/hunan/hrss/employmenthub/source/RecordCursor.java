package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.record.SourceRecord;

/** Streams the records of one {@link ExtractUnit}; memory stays flat however large the unit is. */
public interface RecordCursor extends AutoCloseable {

    /** The next record, or null at the end. */
    SourceRecord next() throws Exception;

    /** Rows passed over as configured (blank, subtotal, title rows after the header). */
    long skipped();

    /** A database row within the lookback window before the highest updated-at value read: its time and digest. */
    record Recent(java.time.LocalDateTime updatedAt, String digest) {
    }

    /** For databases, the rows read (or passed over as already loaded) within the lookback before the watermark. */
    default java.util.Collection<Recent> recent() {
        return java.util.List.of();
    }

    /**
     * What the unit holds by the source's own account, counted apart from this cursor's parsing: the rows of the
     * database window ({@code COUNT(*)} in the same snapshot), a text file's physical lines, a JSON array's elements;
     * empty where there is no such count. The reader requires it to equal {@link #accounted()} at the unit's end.
     */
    default java.util.OptionalLong sourceCount() throws Exception {
        return java.util.OptionalLong.empty();
    }

    /** The unit's size when it is known before reading without a pass of its own (a database window), for progress. */
    default java.util.OptionalLong expected() {
        return java.util.OptionalLong.empty();
    }

    /** What this cursor accounted for, in the unit of {@link #sourceCount()}: rows, lines or elements. */
    default long accounted() {
        return 0;
    }

    /** For databases, the highest updated-at value read, else null. */
    default String highWatermark() {
        return null;
    }

    /**
     * Whether the unit was read to its proper end. A file that stops in the middle of a record (a JSON array that
     * is never closed) is not complete: its read error is quarantined, and it is not remembered as loaded, so the
     * corrected file is read again.
     */
    default boolean complete() {
        return true;
    }

    @Override
    void close() throws Exception;
}
