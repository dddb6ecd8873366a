package cn.hunan.hrss.employmenthub.source.jdbc;

import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Streams a result set; remembers the highest updated-at value it read, the next run's watermark. */
final class JdbcCursor implements RecordCursor {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String sourceId;
    private final ExtractUnit unit;
    private final PreparedStatement statement;
    private final ResultSet rs;
    private final String[] labels;
    private final int updatedAtIndex;
    private LocalDateTime high;
    private long row;

    JdbcCursor(String sourceId, ExtractUnit unit, PreparedStatement statement, String updatedAt) throws SQLException {
        this.sourceId = sourceId;
        this.unit = unit;
        this.statement = statement;
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

    @Override
    public SourceRecord next() throws SQLException {
        if (!rs.next()) {
            return null;
        }
        row++;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            values.put(labels[i], text(rs.getObject(i + 1)));
        }
        if (updatedAtIndex > 0) {
            LocalDateTime t = rs.getObject(updatedAtIndex, LocalDateTime.class);
            if (t != null && (high == null || t.isAfter(high))) {
                high = t;
            }
        }
        return SourceRecord.of(sourceId, unit.entity(), unit.label(), row, values);
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

    @Override
    public long skipped() {
        return 0;
    }

    @Override
    public String highWatermark() {
        return high == null ? unit.fingerprint() : high.toString();
    }

    @Override
    public void close() throws SQLException {
        try (statement; rs) {
            // closed in reverse order
        }
    }
}
