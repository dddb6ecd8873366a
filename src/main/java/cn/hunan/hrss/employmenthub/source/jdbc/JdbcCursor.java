package cn.hunan.hrss.employmenthub.source.jdbc;

import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Streams a result set; remembers the highest updated-at value it read (the next run's watermark) and the rows of
 * the lookback window before it, and passes over the rows an earlier run already read in its window.
 */
final class JdbcCursor implements RecordCursor {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String sourceId;
    private final ExtractUnit unit;
    private final PreparedStatement statement;
    private final ResultSet rs;
    private final String[] labels;
    private final int updatedAtIndex;
    private final int lookback;
    private final Set<String> alreadyLoaded;
    private final ArrayDeque<Recent> recent = new ArrayDeque<>();
    private LocalDateTime high;
    private long row;
    private long skipped;

    private final long sourceCount;

    JdbcCursor(String sourceId, ExtractUnit unit, PreparedStatement statement, String updatedAt, int lookback,
               Set<String> alreadyLoaded, long sourceCount) throws SQLException {
        this.sourceCount = sourceCount;
        this.sourceId = sourceId;
        this.unit = unit;
        this.statement = statement;
        this.lookback = lookback;
        this.alreadyLoaded = alreadyLoaded;
        this.rs = statement.executeQuery();
        ResultSetMetaData md = rs.getMetaData();
        this.labels = new String[md.getColumnCount()];
        int index = -1;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = md.getColumnLabel(i + 1);
            if (updatedAt != null && labels[i].equalsIgnoreCase(updatedAt)) {
                index = i + 1;
            }
        }
        this.updatedAtIndex = index;
    }

    /** The next row, passing over the rows of the lookback window an earlier run already read. */
    @Override
    public SourceRecord next() throws SQLException {
        while (rs.next()) {
            row++;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < labels.length; i++) {
                values.put(labels[i], text(rs.getObject(i + 1)));
            }
            if (updatedAtIndex <= 0) {
                return SourceRecord.of(sourceId, unit.entity(), unit.label(), row, values);
            }
            LocalDateTime t = rs.getObject(updatedAtIndex, LocalDateTime.class);
            String digest = digest(values);
            if (t != null) {
                remember(t, digest);
            }
            if (alreadyLoaded.contains(digest)) {
                skipped++;
                continue;
            }
            return SourceRecord.of(sourceId, unit.entity(), unit.label(), row, values);
        }
        return null;
    }

    /** Keeps the rows within the lookback before the highest time read (rows come in time order). */
    private void remember(LocalDateTime t, String digest) {
        if (high == null || t.isAfter(high)) {
            high = t;
        }
        recent.addLast(new Recent(t, digest));
        LocalDateTime from = high.minusMinutes(lookback);
        while (!recent.isEmpty() && recent.peekFirst().updatedAt().isBefore(from)) {
            recent.removeFirst();
        }
    }

    static String digest(Map<String, String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            values.forEach((k, v) -> {
                md.update(k.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(v == null ? new byte[] {1} : v.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Collection<Recent> recent() {
        return List.copyOf(recent);
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().format(PRINTED);
        }
        if (v instanceof LocalDateTime dt) {
            return dt.format(PRINTED);
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    /** Rows of the lookback window passed over because an earlier run already read them. */
    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public String highWatermark() {
        return high == null ? unit.fingerprint() : high.toString();
    }

    /** The window's rows as the database counted them, in the snapshot this cursor reads. */
    @Override
    public OptionalLong sourceCount() {
        return OptionalLong.of(sourceCount);
    }

    /** Counted before the read began. */
    @Override
    public OptionalLong expected() {
        return OptionalLong.of(sourceCount);
    }

    /** Rows read: records and rows passed over as already loaded. */
    @Override
    public long accounted() {
        return row;
    }

    /** Closes the result and ends the read-only transaction its snapshot belonged to. */
    @Override
    public void close() throws SQLException {
        java.sql.Connection connection = statement.getConnection();
        try (statement; rs) {
            // closed in reverse order
        }
        if (!connection.isClosed() && !connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
