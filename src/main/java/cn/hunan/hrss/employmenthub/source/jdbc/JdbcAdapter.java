package cn.hunan.hrss.employmenthub.source.jdbc;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;
import cn.hunan.hrss.employmenthub.source.Watermarks;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * County platform databases over JDBC (read-only accounts). Each entity is a table or a query; with an
 * {@code updated-at} column the read is incremental: from {@code lookback} minutes before the watermark (a row
 * committed late with an earlier time is not missed; the rows of that window already loaded are passed over) to
 * the end of the run date, in the order of that column (and the key column, where there is one).
 */
public final class JdbcAdapter implements SourceAdapter {

    /** One connection serves every entity of the source in a run. */
    private Connection connection;
    /** Per entity: the rows of the last lookback window that an earlier run read. */
    private final java.util.Map<String, java.util.Set<String>> recentlyLoaded = new java.util.HashMap<>();

    @Override
    public List<ExtractUnit> plan(SourceDefinition source, JobsConfig config, Watermarks done, LocalDate runDate) {
        List<ExtractUnit> units = new ArrayList<>();
        for (EntityMapping m : source.entities()) {
            EntityType entity = EntityType.byKey(m.entity()).orElseThrow();
            String from = m.updatedAt() == null ? null : done.watermark(source.id(), entity.key()).orElse(null);
            if (from != null) {
                recentlyLoaded.put(entity.key(), done.recentlyLoaded(source.id(), entity.key()));
            }
            units.add(new ExtractUnit(entity, m, m.table() != null ? m.table() : entity.key() + "-query", null, from));
        }
        return units;
    }

    /**
     * One partition for a database that each new connection builds again from a script (an H2 {@code INIT=} URL, as
     * the demo's and the generator's county databases are): a second connection would rebuild it under the first.
     */
    @Override
    public int maxPartitions(SourceDefinition source) {
        String url = source.connection() == null || source.connection().url() == null ? "" : source.connection().url();
        return url.toUpperCase(java.util.Locale.ROOT).contains(";INIT=") ? 1 : Integer.MAX_VALUE;
    }

    @Override
    public void prepare(SourceDefinition source, List<ExtractUnit> units, Watermarks done) {
        for (ExtractUnit u : units) {
            if (u.fingerprint() != null) {
                recentlyLoaded.put(u.entity().key(), done.recentlyLoaded(source.id(), u.entity().key()));
            }
        }
    }

    @Override
    public RecordCursor open(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate)
            throws Exception {
        SourceDefinition.Connection c = source.connection();
        if (c.driver() != null && !c.driver().isBlank()) {
            Class.forName(c.driver());
        }
        if (connection == null || connection.isClosed()) {
            connection = connect(c);
        }
        try {
            EntityMapping m = unit.mapping();
            String from = m.table() != null ? m.table() + " q" : "(" + m.query() + ") q";
            List<Object> params = new ArrayList<>();
            String window = window(unit, runDate, c, params) + KeyRange.of(unit).map(r -> " AND " + r.predicate(m.splitPk(), params))
                    .orElse("");
            String order = "";
            if (m.updatedAt() != null) {
                order = " ORDER BY q." + m.updatedAt() + (m.key() == null ? "" : ", q." + m.key());
            } else if (m.key() != null) {
                order = " ORDER BY q." + m.key();
            }
            // the count and the read see one snapshot: a read-only transaction, ended when the cursor closes
            long count;
            try (PreparedStatement counting = statement("SELECT COUNT(*) FROM " + from + window, params, c, 0);
                 java.sql.ResultSet rs = counting.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
            PreparedStatement ps = statement("SELECT * FROM " + from + window + order, params, c,
                    mysql(c.url()) ? Integer.MIN_VALUE : 1000);
            return new JdbcCursor(source.id(), unit, ps, m.updatedAt(), c.lookbackOrDefault(),
                    recentlyLoaded.getOrDefault(unit.entity().key(), java.util.Set.of()), count);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** {@code WHERE ...} of an entity's read: up to the end of the run's date, from the watermark less the lookback. */
    private static String window(ExtractUnit unit, LocalDate runDate, SourceDefinition.Connection c, List<Object> params) {
        EntityMapping m = unit.mapping();
        StringBuilder window = new StringBuilder(" WHERE 1 = 1");
        if (m.updatedAt() != null) {
            window.append(" AND q.").append(m.updatedAt()).append(" < ?");
            params.add(runDate.plusDays(1).atStartOfDay());
            if (unit.fingerprint() != null) {
                window.append(" AND q.").append(m.updatedAt()).append(" > ?");
                params.add(LocalDateTime.parse(unit.fingerprint()).minusMinutes(c.lookbackOrDefault()));
            }
        }
        return window.toString();
    }

    /**
     * A table with a {@code split-pk} (an integer column, like DataX's splitPk) is cut into ranges of equal width
     * between the smallest and the largest key of the rows this run reads: the first range also takes the rows
     * without a key, the last every key above it, so that the ranges together read every row whatever was written
     * since they were cut.
     */
    @Override
    public List<ExtractUnit> split(SourceDefinition source, ExtractUnit unit, LocalDate runDate, int parts) throws Exception {
        EntityMapping m = unit.mapping();
        if (m.splitPk() == null || parts < 2) {
            return List.of(unit);
        }
        SourceDefinition.Connection c = source.connection();
        if (c.driver() != null && !c.driver().isBlank()) {
            Class.forName(c.driver());
        }
        if (connection == null || connection.isClosed()) {
            connection = connect(c);
        }
        List<Object> params = new ArrayList<>();
        String from = m.table() != null ? m.table() + " q" : "(" + m.query() + ") q";
        String sql = "SELECT MIN(q." + m.splitPk() + "), MAX(q." + m.splitPk() + ") FROM " + from + window(unit, runDate, c, params);
        long min;
        long max;
        try (PreparedStatement ps = statement(sql, params, c, 0); java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getObject(1) == null) {
                return List.of(unit);
            }
            min = rs.getLong(1);
            max = rs.getLong(2);
        } finally {
            connection.rollback();
        }
        return KeyRange.cut(min, max, parts).stream().map(r -> r.of(unit, m.splitPk())).toList();
    }

    private PreparedStatement statement(String sql, List<Object> params, SourceDefinition.Connection c, int fetchSize)
            throws java.sql.SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        if (!mysql(c.url())) {
            ps.setQueryTimeout(c.readTimeoutOrDefault());
        }
        if (fetchSize != 0) {
            ps.setFetchSize(fetchSize);
        }
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    /** The columns of the entity's table or query, from a statement that reads no row. */
    @Override
    public java.util.Set<String> columns(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate,
                                         int sample) throws Exception {
        SourceDefinition.Connection c = source.connection();
        if (connection == null || connection.isClosed()) {
            connection = connect(c);
        }
        EntityMapping m = unit.mapping();
        String from = m.table() != null ? m.table() + " q" : "(" + m.query() + ") q";
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM " + from + " WHERE 1 = 0");
             java.sql.ResultSet rs = ps.executeQuery()) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnLabel(i));
            }
        }
        return columns;
    }

    /**
     * Opens the source's read-only connection with its timeouts: the login must succeed within the connect timeout;
     * on MySQL-family servers a read that waits longer than the read timeout for the next bytes fails (a socket
     * timeout, which unlike a statement timeout does not end a long read that keeps streaming); elsewhere the
     * statement's query timeout bounds the query.
     */
    private static Connection connect(SourceDefinition.Connection c) throws Exception {
        java.util.Properties props = new java.util.Properties();
        if (c.username() != null) {
            props.setProperty("user", c.username());
        }
        if (c.password() != null) {
            props.setProperty("password", c.password());
        }
        if (mysql(c.url())) {
            props.setProperty("connectTimeout", Long.toString(c.connectTimeoutOrDefault() * 1000L));
            props.setProperty("socketTimeout", Long.toString(c.readTimeoutOrDefault() * 1000L));
        }
        DriverManager.setLoginTimeout(c.connectTimeoutOrDefault());
        Connection connection = DriverManager.getConnection(c.url(), props);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Whether the source's database accepts a login within its connect timeout and answers; throws why not. */
    public static void reach(SourceDefinition source) throws Exception {
        SourceDefinition.Connection c = source.connection();
        if (c.driver() != null && !c.driver().isBlank()) {
            Class.forName(c.driver());
        }
        try (Connection connection = connect(c)) {
            if (!connection.isValid(c.connectTimeoutOrDefault())) {
                throw new java.sql.SQLException("the server did not answer within " + c.connectTimeoutOrDefault() + " s");
            }
        }
    }

    private static boolean mysql(String url) {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
    }

    @Override
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
