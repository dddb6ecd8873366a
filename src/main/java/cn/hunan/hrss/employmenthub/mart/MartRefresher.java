package cn.hunan.hrss.employmenthub.mart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the mart tables by running each file of {@code sql/marts/} (packaged under
 * {@code classpath:warehouse/marts/}) in name order, each file in one transaction. The county-level marts
 * rebuild only the counties in {@code etl_mart_scope}: after a night, those whose golden records the night
 * created, changed or moved away from; on demand, or when the marts are still empty, every county.
 */
@Component
public class MartRefresher {

    private static final Logger log = LoggerFactory.getLogger(MartRefresher.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public MartRefresher(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Refreshes what a run touched (everything when the marts are still empty); returns the counties rebuilt. */
    public int refreshAfter(long runId) {
        Integer built = jdbc.queryForObject("SELECT COUNT(*) FROM mart_unit_coverage", Integer.class);
        if (built == null || built == 0) {
            return rebuildAll();
        }
        return refresh("SELECT DISTINCT county_code FROM etl_touched_county WHERE run_id = " + runId);
    }

    /** Rebuilds every mart for every county. */
    public int rebuildAll() {
        return refresh("SELECT code FROM wh_region WHERE level = 'county' UNION SELECT '' FROM wh_region WHERE code = '43'");
    }

    private int refresh(String scopeQuery) {
        int counties = tx.execute(status -> {
            jdbc.update("DELETE FROM etl_mart_scope");
            return jdbc.update("INSERT INTO etl_mart_scope (county_code) " + scopeQuery);
        });
        runFiles();
        log.info("marts refreshed for {} county scope(s)", counties);
        return counties;
    }

    private List<String> runFiles() {
        List<String> done = new ArrayList<>();
        for (Resource file : martFiles()) {
            List<String> statements = statements(read(file));
            tx.executeWithoutResult(status -> statements.forEach(jdbc::execute));
            log.debug("mart refreshed: {}", file.getFilename());
            done.add(file.getFilename());
        }
        return done;
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

    /** Splits a script at semicolons that end a line, dropping comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
