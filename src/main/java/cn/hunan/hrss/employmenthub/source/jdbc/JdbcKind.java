package cn.hunan.hrss.employmenthub.source.jdbc;

import cn.hunan.hrss.employmenthub.source.SourceAdapter;
import cn.hunan.hrss.employmenthub.source.SourceKindPlugin;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.nio.file.Path;

/**
 * {@code kind: jdbc}: a database read over JDBC. A source needs a JDBC URL and no file settings; each entity exactly
 * one of a plain table name or a query, an optional plain updated-at column, and no path or sheet.
 */
public final class JdbcKind implements SourceKindPlugin {

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public boolean readsFiles() {
        return false;
    }

    @Override
    public SourceAdapter adapter() {
        return new JdbcAdapter();
    }

    @Override
    public void check(SourceDefinition s, Path configDir, Report report) {
        if (s.connection() == null || s.connection().url() == null || s.connection().url().isBlank()) {
            report.problem("connection.url", "missing: a jdbc source needs a JDBC URL");
        } else if (!s.connection().url().startsWith("jdbc:")) {
            report.problem("connection.url", "not a JDBC URL (must start with jdbc:)");
        }
        if (s.file() != null) {
            report.problem("file", "only file sources have file settings");
        }
        if (s.entities() == null) {
            return;
        }
        for (int i = 0; i < s.entities().size(); i++) {
            EntityMapping m = s.entities().get(i);
            String key = "entities[" + i + "]";
            if ((m.table() == null) == (m.query() == null)) {
                report.problem(key + ".table", "a jdbc entity needs exactly one of table or query");
            }
            if (m.path() != null || m.sheet() != null) {
                report.problem(key + ".path", "a jdbc entity reads a table or query, not a file");
            }
            if (m.table() != null && !m.table().matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                report.problem(key + ".table", "not a plain table name");
            }
            if (m.updatedAt() != null && !m.updatedAt().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                report.problem(key + ".updated-at", "not a plain column name");
            }
            if (m.splitPk() != null && !m.splitPk().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                report.problem(key + ".split-pk", "not a plain column name");
            }
        }
    }

    @Override
    public String unreachable(SourceDefinition s, Path configDir) throws Exception {
        JdbcAdapter.reach(s);
        return null;
    }
}
