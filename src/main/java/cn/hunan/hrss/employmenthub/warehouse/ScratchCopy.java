package cn.hunan.hrss.employmenthub.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A scratch copy of the whole warehouse, for a dry run to work on: on MySQL/MariaDB a database of its own on the same
 * server ({@code <warehouse>_dry_<pid>}, every table copied with its rows; the account needs CREATE and DROP
 * there), on H2 a file database in a temporary folder restored from a script of the warehouse. Closing it drops it.
 */
public final class ScratchCopy implements AutoCloseable {

    private final String url;
    private final String username;
    private final String password;
    private final String database;
    private final Path folder;
    private final String serverUrl;

    private ScratchCopy(String url, String username, String password, String database, Path folder, String serverUrl) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.database = database;
        this.folder = folder;
        this.serverUrl = serverUrl;
    }

    /** Copies the warehouse behind {@code dataSource} (reached at {@code url} by {@code username}). */
    public static ScratchCopy of(DataSource dataSource, String url, String username, String password) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (url.startsWith("jdbc:h2:")) {
                return h2(c, username, password);
            }
            return server(c, url, username, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScratchCopy h2(Connection c, String username, String password) throws SQLException, IOException {
        Path folder = Files.createTempDirectory("hub-dry-run-");
        Path script = folder.resolve("warehouse.sql");
        try (Statement s = c.createStatement()) {
            s.execute("SCRIPT TO '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
        }
        String url = "jdbc:h2:file:" + folder.resolve("scratch").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        try (Connection scratch = DriverManager.getConnection(url, username, password); Statement s = scratch.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
            // the script may create a view before the tables it reads (as FORCE VIEW): compiled again, it sees them
            for (String v : tables(scratch, null, scratch.getSchema(), "VIEW")) {
                s.execute("ALTER VIEW " + v + " RECOMPILE");
            }
        }
        Files.delete(script);
        return new ScratchCopy(url, username, password, null, folder, null);
    }

    private static ScratchCopy server(Connection c, String url, String username, String password) throws SQLException {
        String source = c.getCatalog();
        String database = (source + "_dry_" + ProcessHandle.current().pid()).toLowerCase();
        List<String> tables = tables(c, source, null, "TABLE");
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            for (String t : tables) {
                s.execute("CREATE TABLE " + database + "." + t + " LIKE " + source + "." + t);
                s.execute("INSERT INTO " + database + "." + t + " SELECT * FROM " + source + "." + t);
            }
        }
        copyViews(c, source, withDatabase(url, database), username, password);
        return new ScratchCopy(withDatabase(url, database), username, password, database, null, url);
    }

    /** The warehouse's views (v_reconciliation), made again over the copy's tables: their SELECT, unqualified. */
    private static void copyViews(Connection c, String source, String copyUrl, String username, String password)
            throws SQLException {
        List<String> views = tables(c, source, null, "VIEW");
        if (views.isEmpty()) {
            return;
        }
        try (Connection copy = DriverManager.getConnection(copyUrl, username, password); Statement s = copy.createStatement();
             Statement show = c.createStatement()) {
            for (String v : views) {
                try (ResultSet rs = show.executeQuery("SHOW CREATE VIEW " + source + "." + v)) {
                    rs.next();
                    String ddl = rs.getString(2);
                    String select = ddl.substring(ddl.indexOf(" AS ", ddl.indexOf("VIEW ")) + 4)
                            .replace("`" + source + "`.", "");
                    s.execute("CREATE VIEW " + v + " AS " + select);
                }
            }
        }
    }

    /** The names of the tables (or views) of a catalog or schema. */
    private static List<String> tables(Connection c, String catalog, String schema, String type) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(catalog, schema, "%", new String[] {type})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    /** {@code jdbc:mysql://host:port/db?params} with another database. */
    public static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int slash = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String server = url.substring(0, slash < 0 ? (query < 0 ? url.length() : query) : slash);
        return server + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public void close() throws SQLException, IOException {
        if (database != null) {
            try (Connection c = DriverManager.getConnection(serverUrl, username, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        } else {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already closed
            }
            FileSystemUtils.deleteRecursively(folder);
        }
    }
}
