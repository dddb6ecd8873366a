package cn.hunan.hrss.employmenthub.testkit.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script both H2 and MySQL-family servers accept: tables and multi-row inserts. Kept as a list of statements, or
 * handed statement by statement to a {@link Sink} as each is complete, so that a county of a million persons is never
 * held as text.
 */
final class SqlScript {

    /** Where each complete statement goes: a server's connection, or a script file. */
    interface Sink {
        void accept(String statement) throws Exception;
    }

    /** A sink that failed: its cause is the server's or the file's exception. */
    static final class SinkFailure extends RuntimeException {
        SinkFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<String> statements = new ArrayList<>();
    private final Sink sink;
    private String table;
    private String columns;
    private final List<String> rows = new ArrayList<>();

    /** A script kept as its list of statements ({@link #statements()}, {@link #text()}). */
    SqlScript() {
        this(null);
    }

    /** A script whose statements go to {@code sink} as they are complete; call {@link #finish()} at the end. */
    SqlScript(Sink sink) {
        this.sink = sink;
    }

    void create(String name, String definition) {
        flush();
        emit("DROP TABLE IF EXISTS " + name);
        emit("CREATE TABLE " + name + " (" + definition + ")");
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
            emit("INSERT INTO " + table + " (" + columns + ") VALUES\n" + String.join(",\n", rows));
            rows.clear();
        }
        table = null;
    }

    private void emit(String statement) {
        if (sink == null) {
            statements.add(statement);
            return;
        }
        try {
            sink.accept(statement);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SinkFailure(e);
        }
    }

    /** Hands the last statement to the sink. */
    void finish() {
        flush();
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
