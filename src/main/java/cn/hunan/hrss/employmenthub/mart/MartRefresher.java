package cn.hunan.hrss.employmenthub.mart;

import cn.hunan.hrss.employmenthub.record.EntityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the mart tables by running each file of {@code sql/marts/} (packaged under
 * {@code classpath:warehouse/marts/}) in name order, each file in one transaction. The county-level marts
 * rebuild only the counties of the refresh's scope ({@code etl_mart_scope} rows of one scope id, named
 * {@code :scope} in the files), the per-person marts only its persons ({@code etl_mart_scope_person}): after a night,
 * the counties whose golden records the night created, changed or moved away from and the persons it changed (scope =
 * the run's id); on demand, or when the marts are still empty, every county and person. A file that names what it
 * reads ({@value #READS} entities) runs after a night only when the night changed one of them
 * ({@code etl_mart_scope_entity}). Every file
 * deletes and rebuilds its scope, so running a file again gives the same tables: a restarted refresh may redo
 * the file it was in.
 */
@Component
public class MartRefresher {

    /** The scope id of {@code marts --rebuild}. */
    public static final long REBUILD_SCOPE = 0;
    /** The line that marks a mart file to run after every night, even one that changed no golden record. */
    static final String EVERY_NIGHT = "-- refresh: every night";
    /** The line that names the entities a mart file reads, e.g. {@code -- reads: placement, person}. */
    static final String READS = "-- reads:";
    private static final String EVERY_ENTITY = "*";
    private static final Logger log = LoggerFactory.getLogger(MartRefresher.class);
    private static final String EVERY_COUNTY = "SELECT code AS c FROM wh_region WHERE level = 'county' "
            + "UNION SELECT '' AS c FROM wh_region WHERE code = '43'";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DataSource dataSource;

    public MartRefresher(JdbcTemplate jdbc, TransactionTemplate tx, DataSource dataSource) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dataSource = dataSource;
    }

    /** The mart files in the order they run. */
    public List<String> files() {
        return Arrays.stream(martFiles()).map(Resource::getFilename).toList();
    }

    /**
     * Sets the scope of a run's refresh: the counties the run touched and the persons whose golden record or services it
     * changed, or every county and its persons while the marts are still empty or when the run brings a year of
     * services the marts do not have yet. Returns the number of county scopes.
     */
    public int scopeAfter(long runId) {
        Integer built = jdbc.queryForObject("SELECT COUNT(*) FROM mart_unit_coverage", Integer.class);
        if (built == null || built == 0) {
            return scope(runId, EVERY_COUNTY);
        }
        scope(runId, "SELECT DISTINCT county_code AS c FROM etl_touched_county WHERE run_id = " + runId);
        for (EntityType e : EntityType.values()) {
            if (jdbc.queryForObject("SELECT CASE WHEN EXISTS (SELECT 1 FROM etl_outcome o WHERE o.run_id = ? AND o.entity = ? AND "
                    + "o.outcome IN ('new', 'updated')) OR EXISTS (SELECT 1 FROM etl_fill f WHERE f.run_id = ? AND f.entity = ?) "
                    + "THEN 1 ELSE 0 END", Integer.class, runId, e.key(), runId, e.key()) == 1) {
                jdbc.update("INSERT INTO etl_mart_scope_entity (scope_id, entity) VALUES (?, ?)", runId, e.key());
            }
        }
        String changedServices = " FROM stg_service s JOIN etl_outcome o ON o.run_id = " + runId + " AND o.entity = 'service' AND "
                + "o.stg_id = s.id WHERE o.outcome IN ('new', 'updated')";
        Integer newYears = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT DISTINCT EXTRACT(YEAR FROM s.served_on) AS y"
                + changedServices + ") n WHERE NOT EXISTS (SELECT 1 FROM mart_311_person m WHERE m.service_year = n.y)", Integer.class);
        if (newYears != null && newYears > 0) {
            personsOfCounties(runId);
        } else {
            jdbc.update("INSERT INTO etl_mart_scope_person (scope_id, person_key) SELECT DISTINCT ?, x.k FROM (SELECT "
                    + "g.id_number_hash AS k FROM wh_person g WHERE g.updated_run_id = ? UNION SELECT s.person_id_number_hash AS k"
                    + changedServices + ") x WHERE x.k IS NOT NULL", runId, runId);
        }
        return withCountiesOfScopedPersons(runId);
    }

    /** Every employment-difficulty person of the scope's counties, and every person the per-person marts count in them. */
    private void personsOfCounties(long scopeId) {
        String counties = "(SELECT county_code FROM etl_mart_scope WHERE scope_id = " + scopeId + ")";
        jdbc.update("INSERT INTO etl_mart_scope_person (scope_id, person_key) SELECT DISTINCT ?, x.k FROM (SELECT p.id_number_hash "
                + "AS k FROM wh_person p WHERE p.categories LIKE '%,difficulty,%' AND COALESCE(p.county_code, '') IN " + counties
                + " UNION SELECT m.person_key AS k FROM "
                + "mart_311_person m WHERE m.county_code IN " + counties + ") x WHERE x.k IS NOT NULL", scopeId);
    }

    /**
     * Adds to the county scope the counties the scoped persons are in now and were counted in before (a person who
     * moved), so that each county's totals are rebuilt from its persons; returns the number of county scopes.
     */
    private int withCountiesOfScopedPersons(long scopeId) {
        String persons = " JOIN etl_mart_scope_person sp ON sp.scope_id = " + scopeId + " AND sp.person_key = ";
        jdbc.update("INSERT INTO etl_mart_scope (scope_id, county_code) SELECT DISTINCT ?, x.c FROM (SELECT m.county_code AS c "
                + "FROM mart_311_person m" + persons + "m.person_key UNION SELECT COALESCE(p.county_code, '') AS c FROM wh_person p"
                + persons + "p.id_number_hash) x WHERE NOT EXISTS (SELECT 1 FROM etl_mart_scope e WHERE e.scope_id = ? AND "
                + "e.county_code = x.c)", scopeId, scopeId);
        return jdbc.queryForObject("SELECT COUNT(*) FROM etl_mart_scope WHERE scope_id = ?", Integer.class, scopeId);
    }

    /** Refreshes what a run touched (everything when the marts are still empty); returns the counties rebuilt. */
    public int refreshAfter(long runId) {
        int counties = tx.execute(status -> scopeAfter(runId));
        files().forEach(f -> tx.executeWithoutResult(status -> runFile(f, runId)));
        endScope(runId);
        log.info("marts refreshed for {} county scope(s)", counties);
        return counties;
    }

    /** Rebuilds every mart for every county. */
    public int rebuildAll() {
        int counties = tx.execute(status -> scope(REBUILD_SCOPE, EVERY_COUNTY));
        files().forEach(f -> tx.executeWithoutResult(status -> runFile(f, REBUILD_SCOPE)));
        endScope(REBUILD_SCOPE);
        log.info("marts refreshed for {} county scope(s)", counties);
        return counties;
    }

    /**
     * Runs one mart file for a scope, in the caller's transaction. With an empty scope (no golden record changed),
     * only a file marked {@value #EVERY_NIGHT} runs: the others would rebuild what is there.
     */
    public void runFile(String name, long scopeId) {
        Resource file = Arrays.stream(martFiles()).filter(f -> name.equals(f.getFilename())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mart file " + name));
        String text = read(file);
        if (!text.contains(EVERY_NIGHT) && jdbc.queryForObject("SELECT COUNT(*) FROM etl_mart_scope WHERE scope_id = ?",
                Integer.class, scopeId) == 0) {
            log.debug("mart skipped, nothing changed: {}", name);
            return;
        }
        if (!text.contains(EVERY_NIGHT) && !readsChanged(name, reads(name, text), scopeId)) {
            log.info("mart skipped, nothing it reads changed: {}", name);
            return;
        }
        String script = text.replace(":scope", Long.toString(scopeId));
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            ScriptUtils.executeSqlScript(c, new EncodedResource(new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8),
                    name), StandardCharsets.UTF_8));
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
        log.debug("mart refreshed: {}", name);
    }

    /**
     * The entities a mart file reads, from its line {@value #READS} (golden tables {@code wh_<entity>}); empty when
     * the file does not say, and it then runs whenever its scope is not empty. A name that is no entity fails.
     */
    static Set<String> reads(String name, String text) {
        Set<String> entities = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(READS)) {
                for (String entity : line.substring(READS.length()).split(",")) {
                    String key = entity.strip();
                    if (Arrays.stream(EntityType.values()).noneMatch(e -> e.key().equals(key))) {
                        throw new IllegalStateException("mart file " + name + ": '" + key + "' in its line '" + READS
                                + "' is no entity (" + Arrays.stream(EntityType.values()).map(EntityType::key)
                                .collect(Collectors.joining(", ")) + ")");
                    }
                    entities.add(key);
                }
            }
        }
        return entities;
    }

    /**
     * Whether the scope's run changed any entity the file reads: always for a file that does not say, for a rebuild
     * or a first build ({@code *}), and for a scope that names no entities (one fixed before they were kept).
     */
    private boolean readsChanged(String name, Set<String> reads, long scopeId) {
        List<String> changed = jdbc.queryForList("SELECT entity FROM etl_mart_scope_entity WHERE scope_id = ?", String.class,
                scopeId);
        return reads.isEmpty() || changed.isEmpty() || changed.contains(EVERY_ENTITY)
                || changed.stream().anyMatch(reads::contains);
    }

    /** Forgets a finished refresh's scope. */
    public void endScope(long scopeId) {
        jdbc.update("DELETE FROM etl_mart_scope_entity WHERE scope_id = ?", scopeId);
        jdbc.update("DELETE FROM etl_mart_scope WHERE scope_id = ?", scopeId);
        jdbc.update("DELETE FROM etl_mart_scope_person WHERE scope_id = ?", scopeId);
    }

    /** Sets a scope to {@code counties}; with every county, also to every person in them. */
    private int scope(long scopeId, String counties) {
        endScope(scopeId);
        int n = jdbc.update("INSERT INTO etl_mart_scope (scope_id, county_code) SELECT DISTINCT " + scopeId + ", x.c FROM ("
                + counties + ") x");
        if (counties.equals(EVERY_COUNTY)) {
            personsOfCounties(scopeId);
            jdbc.update("INSERT INTO etl_mart_scope_entity (scope_id, entity) VALUES (?, ?)", scopeId, EVERY_ENTITY);
        }
        return n;
    }

    private static Resource[] martFiles() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:warehouse/marts/*.sql");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource r) {
        try {
            return new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
