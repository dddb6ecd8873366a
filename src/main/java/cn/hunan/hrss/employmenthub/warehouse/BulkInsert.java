package cn.hunan.hrss.employmenthub.warehouse;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows into one table inside the caller's transaction, the fastest way the warehouse allows.
 * <ul>
 *   <li>On a MySQL-family server that permits it ({@code local_infile} on, the connection opened with
 *   {@code allowLoadLocalInfile}, which {@link BulkLoadConnections} adds), the rows are streamed from memory with
 *   {@code LOAD DATA LOCAL INFILE}: no SQL to build or parse per row, the server's own bulk path.
 *   {@code LOCAL} turns errors into warnings, so a load that affected fewer rows than it was given, or raised any
 *   warning, fails the transaction: nothing is lost or cut silently.</li>
 *   <li>Elsewhere (H2, a server with {@code local_infile} off, or {@code hub.load.bulk=off}): one batched INSERT.</li>
 * </ul>
 * {@code hub.load.bulk}: {@code auto} (the default) chooses as above and says which in the log; {@code on} refuses to
 * run without the bulk path; {@code off} always batches.
 */
@Component
public class BulkInsert {

    private static final Logger log = LoggerFactory.getLogger(BulkInsert.class);

    private final JdbcTemplate jdbc;
    private final String mode;
    private volatile Boolean bulk;

    public BulkInsert(JdbcTemplate jdbc, @Value("${hub.load.bulk:auto}") String mode) {
        this.jdbc = jdbc;
        this.mode = mode.trim().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "on", "off").contains(this.mode)) {
            throw new IllegalArgumentException("hub.load.bulk must be auto, on or off, not '" + mode + "'");
        }
    }

    /** Inserts {@code rows} (values in the order of {@code columns}) into {@code table}. */
    public void insert(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!bulk()) {
            jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(",")) + ")", rows);
            return;
        }
        byte[] text = TabRows.encode(rows);
        jdbc.execute((java.sql.Statement s) -> {
            s.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(text));
            int loaded = s.executeUpdate("LOAD DATA LOCAL INFILE '" + table + ".tsv' INTO TABLE " + table
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                    + String.join(", ", columns) + ")");
            SQLWarning warning = s.getWarnings();
            if (loaded != rows.size() || warning != null) {
                throw new IllegalStateException("bulk load into " + table + " took " + loaded + " of " + rows.size()
                        + " rows" + (warning == null ? "" : ": " + warning.getMessage()));
            }
            return loaded;
        });
    }

    /** Whether rows go by {@code LOAD DATA LOCAL INFILE}: decided once, on first use. */
    public boolean bulk() {
        if (bulk == null) {
            bulk = decide();
        }
        return bulk;
    }

    private boolean decide() {
        if (mode.equals("off")) {
            return false;
        }
        String why = jdbc.execute((ConnectionCallback<String>) this::whyNot);
        if (why != null && mode.equals("on")) {
            throw new IllegalStateException("hub.load.bulk=on, but " + why);
        }
        if (why == null) {
            log.info("bulk loading: LOAD DATA LOCAL INFILE, streamed from memory");
        } else {
            log.info("bulk loading: batched INSERTs ({})", why);
        }
        return why == null;
    }

    private String whyNot(Connection c) throws java.sql.SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return "the warehouse is not on the MySQL driver";
        }
        if (!c.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile).getValue()) {
            return "the connection was opened without allowLoadLocalInfile";
        }
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT @@local_infile")) {
            rs.next();
            return rs.getInt(1) == 1 ? null : "the server has local_infile off";
        }
    }
}
