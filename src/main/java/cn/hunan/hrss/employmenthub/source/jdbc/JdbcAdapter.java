package cn.hunan.hrss.employmenthub.source.jdbc;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;
import cn.hunan.hrss.employmenthub.source.Watermarks;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * County platform databases over JDBC (read-only accounts). Each entity is a table or a query; with an
 * {@code updated-at} column the read is incremental: after the watermark, before the end of the run date.
 */
public final class JdbcAdapter implements SourceAdapter {

    /** One connection serves every entity of the source in a run. */
    private Connection connection;

    @Override
    public List<ExtractUnit> plan(SourceDefinition source, JobsConfig config, Watermarks done, LocalDate runDate) {
        List<ExtractUnit> units = new ArrayList<>();
        for (EntityMapping m : source.entities()) {
            EntityType entity = EntityType.byKey(m.entity()).orElseThrow();
            String from = m.updatedAt() == null ? null : done.watermark(source.id(), entity.key()).orElse(null);
            units.add(new ExtractUnit(entity, m, m.table() != null ? m.table() : entity.key() + "-query", null, from));
        }
        return units;
    }

    @Override
    public RecordCursor open(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate)
            throws Exception {
        SourceDefinition.Connection c = source.connection();
        if (c.driver() != null && !c.driver().isBlank()) {
            Class.forName(c.driver());
        }
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(c.url(), c.username(), c.password());
            connection.setReadOnly(true);
        }
        try {
            EntityMapping m = unit.mapping();
            String from = m.table() != null ? m.table() + " q" : "(" + m.query() + ") q";
            StringBuilder sql = new StringBuilder("SELECT * FROM ").append(from);
            List<Object> params = new ArrayList<>();
            if (m.updatedAt() != null) {
                sql.append(" WHERE q.").append(m.updatedAt()).append(" < ?");
                params.add(runDate.plusDays(1).atStartOfDay());
                if (unit.fingerprint() != null) {
                    sql.append(" AND q.").append(m.updatedAt()).append(" > ?");
                    params.add(LocalDateTime.parse(unit.fingerprint()));
                }
                sql.append(" ORDER BY q.").append(m.updatedAt());
            }
            PreparedStatement ps = connection.prepareStatement(sql.toString());
            ps.setFetchSize(c.url().startsWith("jdbc:mysql:") ? Integer.MIN_VALUE : 1000);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return new JdbcCursor(source.id(), unit, ps, m.updatedAt());
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
