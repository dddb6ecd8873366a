package cn.hunan.hrss.employmenthub.warehouse;

import cn.hunan.hrss.employmenthub.system.PiiMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of admin actions: who (the operating-system user of a command, {@code HUB_ACTOR} where several people
 * share one account, or the signed-in user of the API), when, what, on what, why and with what outcome. Reasons
 * and outcomes pass the personal-data masker like everything else that is written.
 */
@Component
public class AdminLog {

    /** Who acts, and through what: {@code cli}, {@code api}, {@code console}, {@code schedule}, {@code startup}. */
    public record Actor(String name, String via) {

        /** The user running this command: {@code HUB_ACTOR}, else the operating-system account. */
        public static Actor commandLine() {
            String env = System.getenv("HUB_ACTOR");
            return new Actor(env != null && !env.isBlank() ? env.strip() : System.getProperty("user.name", "unknown"), "cli");
        }
    }

    public record Action(long id, LocalDateTime actedAt, String actor, String via, String action, String target,
                         String reason, Long runId, String outcome) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AdminLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String target, String reason, Long runId, String outcome) {
        jdbc.update("INSERT INTO etl_admin_action (acted_at, actor, via, action, target, reason, run_id, outcome) "
                + "VALUES (?,?,?,?,?,?,?,?)", Timestamp.valueOf(LocalDateTime.now(clock).withNano(0)), cut(actor.name(), 100),
                actor.via(), action, cut(mask(target), 1000), cut(mask(reason), 1000), runId, cut(mask(outcome), 1000));
    }

    /** The latest actions first. */
    public List<Action> latest(int limit) {
        return jdbc.query("SELECT id, acted_at, actor, via, action, target, reason, run_id, outcome FROM etl_admin_action "
                + "ORDER BY id DESC LIMIT ?", (rs, i) -> new Action(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                (Long) rs.getObject(8, Long.class), rs.getString(9)), limit);
    }

    /**
     * The actions taken from {@code after} to {@code until} (to the second, both inclusive), or on run {@code runId},
     * oldest first.
     */
    public List<Action> between(LocalDateTime after, LocalDateTime until, long runId) {
        return jdbc.query("SELECT id, acted_at, actor, via, action, target, reason, run_id, outcome FROM etl_admin_action "
                + "WHERE acted_at >= ? AND acted_at <= ? OR run_id = ? ORDER BY id", (rs, i) -> new Action(rs.getLong(1),
                rs.getTimestamp(2).toLocalDateTime(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), (Long) rs.getObject(8, Long.class), rs.getString(9)),
                Timestamp.valueOf(after), Timestamp.valueOf(until), runId);
    }

    /**
     * Compares the jobs-config files (YAML) with those last seen and records a {@code config-change} naming the files
     * added, changed and removed; the first look records nothing but what it saw.
     */
    public void noticeConfig(Path configDir, Actor actor) {
        Map<String, String> now = digests(configDir);
        Map<String, String> before = new TreeMap<>();
        jdbc.query("SELECT file_name, sha256 FROM etl_config_file", rs -> {
            before.put(rs.getString(1), rs.getString(2));
        });
        List<String> changes = new ArrayList<>();
        now.forEach((file, sha) -> {
            if (!before.containsKey(file)) {
                changes.add("added " + file);
            } else if (!before.get(file).equals(sha)) {
                changes.add("changed " + file);
            }
        });
        before.keySet().stream().filter(f -> !now.containsKey(f)).forEach(f -> changes.add("removed " + f));
        if (changes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.valueOf(LocalDateTime.now(clock).withNano(0));
        jdbc.update("DELETE FROM etl_config_file");
        now.forEach((file, sha) -> jdbc.update("INSERT INTO etl_config_file (file_name, sha256, seen_at) VALUES (?,?,?)",
                file, sha, at));
        if (!before.isEmpty()) {
            record(new Actor(actor.name(), "startup"), "config-change", configDir.toString(), null, null,
                    String.join("; ", changes));
        }
    }

    private static Map<String, String> digests(Path configDir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(configDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).toList()) {
                out.put(configDir.relativize(f).toString().replace('\\', '/'),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String mask(String text) {
        return text == null ? null : PiiMasker.mask(text);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
