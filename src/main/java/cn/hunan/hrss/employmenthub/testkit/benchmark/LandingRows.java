package cn.hunan.hrss.employmenthub.testkit.benchmark;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.NoSuchElementException;

/**
 * Rows shaped like the landing area's ({@code landing_record}): the same columns, a payload of the night's average
 * size. The same rows feed the physical limit ({@code LOAD DATA}) and the plain Spring Batch step.
 */
final class LandingRows {

    static final String COLUMNS = "run_id, source_id, entity, file_name, line_no, source_key, outcome, payload_enc, payload_masked";

    private final long rows;
    private final String payload;

    LandingRows(long rows, int payloadLength) {
        this.rows = rows;
        this.payload = "x".repeat(Math.max(16, payloadLength));
    }

    long size() {
        return rows;
    }

    /** Row {@code i} as the values of {@link #COLUMNS}. */
    Object[] row(long i) {
        return new Object[] {0L, "bench-" + (i % 9), "person", "bench/file-" + (i / 100_000) + ".csv", i, "K" + i, "staged",
            payload, payload};
    }

    /** Every row as tab-separated lines, streamed (never all in memory), for {@code LOAD DATA LOCAL INFILE}. */
    InputStream tsv() {
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private long next;

            @Override
            public boolean hasMoreElements() {
                return next < rows;
            }

            @Override
            public InputStream nextElement() {
                if (next >= rows) {
                    throw new NoSuchElementException();
                }
                StringBuilder block = new StringBuilder(64 * 1024);
                for (int k = 0; k < 200 && next < rows; k++, next++) {
                    Object[] r = row(next);
                    for (int c = 0; c < r.length; c++) {
                        block.append(c == 0 ? "" : "\t").append(r[c]);
                    }
                    block.append('\n');
                }
                return new ByteArrayInputStream(block.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
