package cn.hunan.hrss.employmenthub.operations.discover;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.SourceAdapters;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Looks at a database's tables or a file's first records, reading nothing more than a sample. */
final class Samples {

    static final int ROWS = 200;

    private Samples() {
    }

    /** The tables of a database (all of the connection's schema when none are named), each with a sample. */
    static List<Sample> tables(String url, String user, String password, List<String> tables) throws Exception {
        List<Sample> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setReadOnly(true);
            DatabaseMetaData meta = c.getMetaData();
            List<String> names = tables.isEmpty() ? allTables(c, meta) : tables;
            for (String table : names) {
                out.add(table(c, meta, table));
            }
        }
        return out;
    }

    private static List<String> allTables(Connection c, DatabaseMetaData meta) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static Sample table(Connection c, DatabaseMetaData meta, String table) throws Exception {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        List<String> columns = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setMaxRows(ROWS);
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                    types.put(md.getColumnLabel(i), md.getColumnTypeName(i));
                }
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.put(columns.get(i - 1), rs.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        List<String> key = new ArrayList<>();
        String bare = table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
        for (String name : new LinkedHashSet<>(List.of(bare, bare.toUpperCase(), bare.toLowerCase()))) {
            try (ResultSet rs = meta.getPrimaryKeys(c.getCatalog(), c.getSchema(), name)) {
                while (rs.next()) {
                    String col = rs.getString("COLUMN_NAME");
                    columns.stream().filter(x -> x.equalsIgnoreCase(col)).findFirst().ifPresent(x -> {
                        if (!key.contains(x)) {
                            key.add(x);
                        }
                    });
                }
            }
        }
        return new Sample(table, columns, rows, key, types);
    }

    /**
     * A file's first records, read by the real adapter with the sniffed settings (so the draft reads what was seen).
     *
     * @param label the path as the draft will give it
     */
    static Sample file(Path configDir, String label, Path file, SourceKind kind, SourceDefinition.FileSettings settings,
                       List<String> sheet) throws Exception {
        EntityMapping m = new EntityMapping(EntityType.PERSON.key(), null, null, null, label, sheet, null, null, null,
                Map.of(), null, null, null);
        SourceDefinition source = new SourceDefinition("discover", null, kind, "43", null, null, null, null, null, settings,
                List.of(m), null);
        var adapter = SourceAdapters.forKind(kind);
        JobsConfig config = new JobsConfig(configDir, null, List.of(source), List.of());
        List<ExtractUnit> units = adapter.plan(source, config, cn.hunan.hrss.employmenthub.source.Watermarks.NONE, null);
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (ExtractUnit unit : units) {
            if (!unit.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                continue;
            }
            try (RecordCursor cursor = adapter.open(source, config, unit, null)) {
                for (SourceRecord r = cursor.next(); r != null && rows.size() < ROWS; r = cursor.next()) {
                    if (r.readError() == null) {
                        columns.addAll(r.values().keySet());
                        rows.add(r.values());
                    }
                }
            }
            break;
        }
        columns.removeIf(c -> c == null || c.isBlank());
        return new Sample(label, List.copyOf(columns), rows, List.of(), Map.of());
    }
}
