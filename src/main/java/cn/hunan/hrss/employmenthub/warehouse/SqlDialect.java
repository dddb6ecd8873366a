package cn.hunan.hrss.employmenthub.warehouse;

import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The few statements H2 and the MySQL family spell differently. Everything else the warehouse runs is written
 * once, in what H2 (MySQL mode), MySQL 8 and MariaDB 10.11 all accept.
 */
@Component
public class SqlDialect {

    private final DataSource dataSource;
    private volatile String vendor;

    public SqlDialect(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * An update of {@code target} driven by the rows of {@code source} (a SELECT naming {@code key} and every
     * column in {@code columns}): each target row whose {@code key} equals a source row's takes that row's
     * columns, where {@code condition} (on {@code t} and {@code x}) holds. The database walks the source rows and
     * finds each target row by its key, so a few changes in a large table cost a few index lookups.
     */
    public String updateFrom(String target, String key, String source, List<String> columns, String condition) {
        if ("h2".equals(vendor())) {
            return "MERGE INTO " + target + " t USING (" + source + ") x ON (t." + key + " = x." + key + ") "
                    + "WHEN MATCHED AND (" + condition + ") THEN UPDATE SET " + columns.stream().map(c -> c + " = x." + c)
                    .collect(Collectors.joining(", "));
        }
        return "UPDATE " + target + " t JOIN (" + source + ") x ON t." + key + " = x." + key + " SET "
                + columns.stream().map(c -> "t." + c + " = x." + c).collect(Collectors.joining(", ")) + " WHERE " + condition;
    }

    private String vendor() {
        if (vendor == null) {
            vendor = WarehouseMigrator.vendor(dataSource);
        }
        return vendor;
    }
}
