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
 * {@code classpath:warehouse/marts/}) in name order, each file in one transaction.
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

    public List<String> refreshAll() {
        List<String> done = new ArrayList<>();
        for (Resource file : martFiles()) {
            List<String> statements = statements(read(file));
            tx.executeWithoutResult(status -> statements.forEach(jdbc::execute));
            log.info("mart refreshed: {}", file.getFilename());
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
