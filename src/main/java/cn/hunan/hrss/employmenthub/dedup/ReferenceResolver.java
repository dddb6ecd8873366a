package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.record.ReferenceFields;
import cn.hunan.hrss.employmenthub.validation.RecordStandardiser;
import cn.hunan.hrss.employmenthub.warehouse.StagingColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves the references a source gave by its own key for the other record ({@code refs:}, e.g. a service's
 * {@code ryid}): the (source, key) is looked up in {@code wh_xref}, and the referring record takes the golden record's
 * ID number or credit code, with its match key and row hash computed again, as if the source had given the value
 * itself. The referred record may have arrived this night (its entity merges first), on an earlier night, or not yet:
 * then the record stays as it is and is parked with {@code REF_KEY_UNKNOWN} (see {@link Reference}), and each later
 * night tries again.
 */
@Component
class ReferenceResolver {

    private final JdbcTemplate jdbc;

    ReferenceResolver(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Resolves what can be resolved among the run's own staged records of {@code e} and those parked earlier. */
    int resolve(long runId, EntityType e) {
        int resolved = 0;
        for (String field : ReferenceFields.of(e)) {
            for (String candidates : Unresolved.byKey(e, field)) {
                resolved += resolve(runId, e, field, candidates);
            }
        }
        return resolved;
    }

    private int resolve(long runId, EntityType e, String field, String candidates) {
        ReferenceFields.Target target = ReferenceFields.of(e, field).orElseThrow();
        boolean personal = e.field(field).orElseThrow().personal();
        List<String> own = StagingColumns.staged(e);
        List<String> targetColumns = personal ? List.of(target.field() + "_hash", target.field() + "_enc",
                target.field() + "_masked") : List.of(target.field());
        List<String> fieldColumns = personal ? List.of(field + "_hash", field + "_enc", field + "_masked") : List.of(field);
        String sql = "SELECT s.id, " + String.join(", ", own.stream().map(c -> "s." + c).toList()) + ", "
                + String.join(", ", targetColumns.stream().map(c -> "g." + c).toList()) + " FROM " + e.stagingTable() + " s "
                + "JOIN wh_xref x ON x.entity = '" + target.entity().key() + "' AND x.source_id = s."
                + ReferenceFields.sourceColumn(field) + " AND x.source_key = s." + ReferenceFields.keyColumn(field)
                + " JOIN " + target.entity().goldenTable() + " g ON g.match_key = x.match_key WHERE " + candidates
                + " AND g." + targetColumns.get(0) + " IS NOT NULL";
        List<Object[]> updates = new ArrayList<>();
        jdbc.query(sql, rs -> {
            Map<String, Object> columns = new LinkedHashMap<>();
            for (String c : own) {
                columns.put(c, value(e, c, rs));
            }
            Object[] row = new Object[fieldColumns.size() + 3];
            for (int i = 0; i < fieldColumns.size(); i++) {
                Object v = rs.getString(targetColumns.get(i));
                columns.put(fieldColumns.get(i), v);
                row[i] = v;
            }
            row[fieldColumns.size()] = RecordStandardiser.matchKey(e, columns);
            row[fieldColumns.size() + 1] = RecordStandardiser.rowHash(e, columns);
            row[fieldColumns.size() + 2] = rs.getLong("id");
            updates.add(row);
        }, runId);
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE " + e.stagingTable() + " SET " + String.join(", ", fieldColumns.stream()
                    .map(c -> c + " = ?").toList()) + ", match_key = ?, row_hash = ? WHERE id = ?", updates);
        }
        return updates.size();
    }

    /** A staging column's value as the standardiser made it, so that the keys computed again equal a fresh record's. */
    private static Object value(EntityType e, String column, ResultSet rs) throws SQLException {
        Field f = e.field(column).orElse(null);
        if (f == null) {
            return rs.getString(column);
        }
        return switch (f.type()) {
            case DATE, MONTH -> rs.getObject(column, LocalDate.class);
            case INTEGER -> rs.getObject(column) == null ? null : rs.getLong(column);
            case DECIMAL -> rs.getBigDecimal(column);
            case BOOLEAN -> rs.getObject(column) == null ? null : rs.getBoolean(column);
            default -> rs.getString(column);
        };
    }
}
