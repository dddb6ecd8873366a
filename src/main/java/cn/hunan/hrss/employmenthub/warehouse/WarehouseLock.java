package cn.hunan.hrss.employmenthub.warehouse;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One writer at a time: every command that changes the warehouse holds this lock while it works.
 *
 * <p>On a MySQL-family warehouse the lock is the server's own named lock ({@code GET_LOCK}), held by one connection
 * kept open for the whole command: when the process dies, however it dies, the server drops the connection and
 * with it the lock, so a lock is never left behind by a crash. Who holds it (host, pid, command, since) is written
 * to {@code etl_lock} so that a second process can say whom it waits for. The embedded H2 file database can only
 * be opened by one process at a time anyway; within that process the lock is kept in memory.
 *
 * <p>Re-entrant on one thread: a command that holds the lock may call code that asks for it again.
 */
@Component
public class WarehouseLock {

    private static final String PREFIX = "employment-hub:";
    private static final Logger log = LoggerFactory.getLogger(WarehouseLock.class);
    /** H2: holders per database URL within this JVM. */
    private static final Map<String, Holder> IN_PROCESS = new ConcurrentHashMap<>();

    private final DataSource dataSource;
    private final ThreadLocal<Held> current = new ThreadLocal<>();

    public WarehouseLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Who holds the lock: the process, its host, the command it runs and since when. */
    public record Holder(String host, long pid, String command, LocalDateTime since) {

        static Holder me(String command) {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "localhost";
            }
            return new Holder(host, ProcessHandle.current().pid(), command, LocalDateTime.now().withNano(0));
        }

        public String describe() {
            return "'" + command + "' (pid " + pid + " on " + host + ") since " + since.toString().replace('T', ' ');
        }
    }

    /** The held lock; closing it releases the lock (the outermost close on a thread does). */
    public final class Held implements AutoCloseable {
        private final Holder holder;
        private final Connection connection;
        private final String key;
        private int depth = 1;

        private Held(Holder holder, Connection connection, String key) {
            this.holder = holder;
            this.connection = connection;
            this.key = key;
        }

        public Holder holder() {
            return holder;
        }

        @Override
        public void close() {
            if (--depth > 0) {
                return;
            }
            current.remove();
            if (connection == null) {
                IN_PROCESS.remove(key, holder);
                return;
            }
            try (connection) {
                try (PreparedStatement ps = connection.prepareStatement("DELETE FROM etl_lock WHERE lock_name = ? AND "
                        + "connection_id = CONNECTION_ID()")) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    log.debug("holder row not removed: {}", e.getMessage());
                }
                try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    ps.setString(1, key);
                    ps.executeQuery().close();
                }
            } catch (SQLException e) {
                log.warn("warehouse lock released with its connection: {}", e.getMessage());
            }
        }
    }

    /**
     * Takes the lock for {@code command} at once, or throws {@link WarehouseLockedException} naming the holder.
     * Nothing is waited for: a second run of the same night must not queue behind the first.
     */
    public Held acquire(String command) {
        Held mine = current.get();
        if (mine != null) {
            mine.depth++;
            return mine;
        }
        Holder me = Holder.me(command);
        Held held = isH2() ? inProcess(me) : onServer(me);
        current.set(held);
        return held;
    }

    /** Whether some process holds the lock now (for {@code status}); this process's own lock counts. */
    public boolean isHeld() {
        if (isH2()) {
            return IN_PROCESS.containsKey(url());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            ps.setString(1, lockName(c));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ask the warehouse for its lock: " + e.getMessage(), e);
        }
    }

    private Held inProcess(Holder me) {
        String url = url();
        Holder other = IN_PROCESS.putIfAbsent(url, me);
        if (other != null) {
            throw new WarehouseLockedException("the warehouse is in use by " + other.describe());
        }
        return new Held(me, null, url);
    }

    private Held onServer(Holder me) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            String name = lockName(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != 1) {
                        String who = holderOnServer(c, name);
                        c.close();
                        throw new WarehouseLockedException("the warehouse is in use by " + who);
                    }
                }
            }
            recordHolder(c, me, name);
            return new Held(me, c, name);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("cannot take the warehouse lock: " + e.getMessage(), e);
        }
    }

    /** Best effort: the holder table appears with the first migration, which the first holder may still be running. */
    private static void recordHolder(Connection c, Holder me, String name) {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM etl_lock WHERE lock_name = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO etl_lock (lock_name, host, pid, command, since, "
                     + "connection_id) VALUES (?,?,?,?,?,CONNECTION_ID())")) {
            del.setString(1, name);
            del.executeUpdate();
            ins.setString(1, name);
            ins.setString(2, cut(me.host(), 255));
            ins.setLong(3, me.pid());
            ins.setString(4, cut(me.command(), 500));
            ins.setObject(5, me.since());
            ins.executeUpdate();
        } catch (SQLException e) {
            log.debug("holder not recorded yet (warehouse not migrated): {}", e.getMessage());
        }
    }

    /** Records the holder once the schema exists (called after migrating by the command holding the lock). */
    public void recordHolder() {
        Held held = current.get();
        if (held != null && held.connection != null) {
            recordHolder(held.connection, held.holder, held.key);
        }
    }

    /** The holder's own description; a holder that is still creating the warehouse gets a few seconds to write it. */
    private static String holderOnServer(Connection c, String name) {
        for (int attempt = 0; attempt < 15; attempt++) {
            String who = holderRow(c, name);
            if (who != null) {
                return who;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "another process (it has not said which: it may still be creating the warehouse)";
    }

    private static String holderRow(Connection c, String name) {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.host, l.pid, l.command, l.since FROM etl_lock l "
                + "WHERE l.lock_name = ? AND l.connection_id = IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new Holder(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDateTime.class))
                            .describe();
                }
            }
        } catch (SQLException e) {
            log.debug("no holder row: {}", e.getMessage());
        }
        return null;
    }

    /**
     * The server's lock names are server-wide: the name carries the warehouse database, so that two warehouses on
     * one server do not lock each other out (MySQL takes names of up to 64 characters).
     */
    static String lockName(Connection c) throws SQLException {
        String name = PREFIX + c.getCatalog();
        if (name.length() <= 64) {
            return name;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(c.getCatalog().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            return PREFIX + java.util.HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isH2() {
        return "h2".equals(WarehouseMigrator.vendor(dataSource));
    }

    private String url() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the warehouse database: " + e.getMessage(), e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
