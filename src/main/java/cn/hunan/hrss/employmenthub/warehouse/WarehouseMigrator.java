package cn.hunan.hrss.employmenthub.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.stereotype.Component;

/**
 * Brings the warehouse schema up to date with the migrations in {@code sql/} (packaged as
 * {@code classpath:warehouse/}): the warehouse itself, then the Spring Batch tables for this database.
 */
@Component
public class WarehouseMigrator {

    private final DataSource dataSource;

    public WarehouseMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public MigrateResult migrate() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:warehouse/migration", "classpath:warehouse/batch/" + vendor(dataSource))
                .javaMigrations(new V1_1__LoadRegions())
                .load()
                .migrate();
    }

    /** {@code h2} or {@code mysql} (MariaDB speaks the MySQL dialect for everything here). */
    public static String vendor(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2") ? "h2" : "mysql";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the warehouse database: " + e.getMessage(), e);
        }
    }
}
