package cn.hunan.hrss.employmenthub.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What differs between two copies of the warehouse, table by table: rows inserted, updated (same primary key, other
 * values) and deleted. Rows are streamed from both sides in primary-key order and compared by a digest of all their
 * values, so memory stays flat however large the tables are; a table without a primary key is compared as a
 * multiset of row digests.
 */
public final class WarehouseDiff {

    /** The warehouse tables a dry run reports on: everything but the job repository, migrations and the lock. */
    public static final List<String> PREFIXES = List.of("wh_", "mart_", "stg_", "landing_", "quarantine", "dq_", "etl_");

    public record TableChange(String table, long before, long after, long inserted, long updated, long deleted) {

        public boolean changed() {
            return inserted + updated + deleted > 0;
        }
    }

    private WarehouseDiff() {
    }

    /** The warehouse tables of a database, lower-case, sorted. */
    public static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (PREFIXES.stream().anyMatch(name::startsWith) && !name.equals("etl_lock")) {
                    out.add(name);
                }
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    /** Per table of {@code before}, how {@code after} differs from it. */
    public static List<TableChange> diff(Connection before, Connection after) throws SQLException {
        List<TableChange> out = new ArrayList<>();
        for (String table : tables(before)) {
            List<String> key = primaryKey(before, table);
            out.add(key.isEmpty() ? multiset(before, after, table) : byKey(before, after, table, key));
        }
        return out;
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        Map<Short, String> columns = new TreeMap<>();
        DatabaseMetaData md = c.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = md.getPrimaryKeys(c.getCatalog(), null, name)) {
                while (rs.next()) {
                    columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            if (!columns.isEmpty()) {
                break;
            }
        }
        return new ArrayList<>(columns.values());
    }

    /**
     * Both sides ordered by the key the same way Java compares it: numbers and dates as such, text by its code points
     * (MySQL-family servers are told to order it as binary, whatever the column's collation; H2 orders by code unit).
     */
    private static TableChange byKey(Connection before, Connection after, String table, List<String> key) throws SQLException {
        boolean mysql = before.getMetaData().getURL().startsWith("jdbc:mysql:");
        List<String> order = new ArrayList<>();
        try (PreparedStatement ps = before.prepareStatement("SELECT " + String.join(", ", key) + " FROM " + table + " WHERE 1 = 0");
             ResultSet rs = ps.executeQuery()) {
            for (int i = 0; i < key.size(); i++) {
                String type = rs.getMetaData().getColumnTypeName(i + 1).toUpperCase(Locale.ROOT);
                boolean text = type.contains("CHAR") || type.contains("TEXT");
                order.add(mysql && text ? "CAST(" + key.get(i) + " AS BINARY)" : key.get(i));
            }
        }
        String sql = "SELECT * FROM " + table + " ORDER BY " + String.join(", ", order);
        try (PreparedStatement a = stream(before, sql); ResultSet left = a.executeQuery();
             PreparedStatement b = stream(after, sql); ResultSet right = b.executeQuery()) {
            Row l = Row.next(left, key);
            Row r = Row.next(right, key);
            long nBefore = 0;
            long nAfter = 0;
            long inserted = 0;
            long updated = 0;
            long deleted = 0;
            while (l != null || r != null) {
                int cmp = l == null ? 1 : r == null ? -1 : compare(l.key(), r.key());
                if (cmp < 0) {
                    deleted++;
                } else if (cmp > 0) {
                    inserted++;
                } else if (!l.digest().equals(r.digest())) {
                    updated++;
                }
                if (cmp <= 0) {
                    nBefore++;
                    l = Row.next(left, key);
                }
                if (cmp >= 0) {
                    nAfter++;
                    r = Row.next(right, key);
                }
            }
            return new TableChange(table, nBefore, nAfter, inserted, updated, deleted);
        }
    }

    private static TableChange multiset(Connection before, Connection after, String table) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        long nBefore = digests(before, table, counts, 1);
        long nAfter = digests(after, table, counts, -1);
        long deleted = counts.values().stream().filter(v -> v > 0).mapToLong(Long::longValue).sum();
        long inserted = -counts.values().stream().filter(v -> v < 0).mapToLong(Long::longValue).sum();
        return new TableChange(table, nBefore, nAfter, inserted, 0, deleted);
    }

    private static long digests(Connection c, String table, Map<String, Long> counts, long sign) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = stream(c, "SELECT * FROM " + table); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.merge(digest(rs), sign, Long::sum);
                n++;
            }
        }
        return n;
    }

    private static PreparedStatement stream(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(c.getMetaData().getURL().startsWith("jdbc:mysql:") ? Integer.MIN_VALUE : 1000);
        return ps;
    }

    private record Row(List<Comparable<Object>> key, String digest) {

        @SuppressWarnings("unchecked")
        static Row next(ResultSet rs, List<String> keyColumns) throws SQLException {
            if (!rs.next()) {
                return null;
            }
            List<Comparable<Object>> key = new ArrayList<>();
            for (String k : keyColumns) {
                Object v = rs.getObject(k);
                key.add((Comparable<Object>) (v instanceof Number n ? (Object) new java.math.BigDecimal(n.toString())
                        : v instanceof String text ? (Object) new CodePoints(text) : v == null ? "" : v));
            }
            return new Row(key, WarehouseDiff.digest(rs));
        }
    }

    /** Text in code-point order, which is the order of its UTF-8 bytes. */
    private record CodePoints(String text) implements Comparable<CodePoints> {
        @Override
        public int compareTo(CodePoints o) {
            int i = 0;
            int j = 0;
            while (i < text.length() && j < o.text.length()) {
                int a = text.codePointAt(i);
                int b = o.text.codePointAt(j);
                if (a != b) {
                    return Integer.compare(a, b);
                }
                i += Character.charCount(a);
                j += Character.charCount(b);
            }
            return Integer.compare(text.length() - i, o.text.length() - j);
        }
    }

    private static int compare(List<Comparable<Object>> a, List<Comparable<Object>> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String digest(ResultSet rs) throws SQLException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object v = rs.getObject(i);
                md.update(String.valueOf(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v)
                        .getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0x1F);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
