package cn.hunan.hrss.employmenthub.testkit.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A SQL script both H2 and MySQL-family servers accept: tables and multi-row inserts. */
final class SqlScript {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<String> statements = new ArrayList<>();
    private String table;
    private String columns;
    private final List<String> rows = new ArrayList<>();

    void create(String name, String definition) {
        flush();
        statements.add("DROP TABLE IF EXISTS " + name);
        statements.add("CREATE TABLE " + name + " (" + definition + ")");
    }

    void insert(String name, String columnList, Object... values) {
        if (!name.equals(table) || rows.size() >= 200) {
            flush();
            table = name;
            columns = columnList;
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(literal(values[i]));
        }
        rows.add(sb.append(')').toString());
    }

    private void flush() {
        if (!rows.isEmpty()) {
            statements.add("INSERT INTO " + table + " (" + columns + ") VALUES\n" + String.join(",\n", rows));
            rows.clear();
        }
        table = null;
    }

    List<String> statements() {
        flush();
        return statements;
    }

    String text() {
        return String.join(";\n", statements()) + ";\n";
    }

    private static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Number n) {
            return n instanceof BigDecimal b ? b.toPlainString() : n.toString();
        }
        if (v instanceof LocalDateTime t) {
            return "'" + t.format(TS) + "'";
        }
        if (v instanceof LocalDate d) {
            return "'" + d + "'";
        }
        return "'" + v.toString().replace("'", "''").replace("\\", "\\\\") + "'";
    }
}
