package cn.hunan.hrss.employmenthub.mart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
 * {@code :scope} in the files): after a night, the counties whose golden records the night created, changed or
 * moved away from (scope = the run's id); on demand, or when the marts are still empty, every county. Every file
 * deletes and rebuilds its scope, so running a file again gives the same tables: a restarted refresh may redo
 * the file it was in.
 */
@Component
public class MartRefresher {

    /** The scope id of {@code marts --rebuild}. */
    public static final long REBUILD_SCOPE = 0;
    /** The line that marks a mart file to run after every night, even one that changed no golden record. */
    static final String EVERY_NIGHT = "-- refresh: every night";
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
     * Sets the scope of a run's refresh: the counties the run touched, or every county while the marts are still
     * empty. Returns the number of county scopes.
     */
    public int scopeAfter(long runId) {
        Integer built = jdbc.queryForObject("SELECT COUNT(*) FROM mart_unit_coverage", Integer.class);
        return scope(runId, built == null || built == 0 ? EVERY_COUNTY
                : "SELECT DISTINCT county_code AS c FROM etl_touched_county WHERE run_id = " + runId);
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

    /** Forgets a finished refresh's scope. */
    public void endScope(long scopeId) {
        jdbc.update("DELETE FROM etl_mart_scope WHERE scope_id = ?", scopeId);
    }

    private int scope(long scopeId, String counties) {
        jdbc.update("DELETE FROM etl_mart_scope WHERE scope_id = ?", scopeId);
        return jdbc.update("INSERT INTO etl_mart_scope (scope_id, county_code) SELECT DISTINCT " + scopeId + ", x.c FROM ("
                + counties + ") x");
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
