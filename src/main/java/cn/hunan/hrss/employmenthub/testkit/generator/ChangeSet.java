package cn.hunan.hrss.employmenthub.testkit.generator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A later day's changes to generated county databases (a dataset generated with its county platforms on a server):
 * about {@code share} of all the records the sources hold are touched in the county platforms, as a platform's users
 * would: a person's education corrected, a service or placement saved again. Each touched row gets the day's update
 * time, so the next night reads exactly those. Night {@code n} touches other rows than night {@code n - 1}.
 */
public final class ChangeSet {

    /** The county platform's tables that change, with their keys. */
    private static final List<String[]> TABLES = List.of(new String[] {"jy_ry", "xh"}, new String[] {"jy_fw", "fwbh"},
        new String[] {"jy_jy", "jybh"});

    private ChangeSet() {
    }

    /**
     * Touches about {@code share × allRecords} rows of the county platforms of {@code counties} in the database at
     * {@code url} and returns how many were touched.
     */
    public static long apply(String url, List<String> counties, double share, long allRecords, int night, LocalDateTime at)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("COUNTY_DB_USER", "root"),
                System.getenv().getOrDefault("COUNTY_DB_PASSWORD", "")); Statement s = c.createStatement()) {
            long platformRows = 0;
            for (String county : counties) {
                for (String[] t : TABLES) {
                    try (var rs = s.executeQuery("SELECT COUNT(*) FROM c" + county + "_" + t[0])) {
                        rs.next();
                        platformRows += rs.getLong(1);
                    }
                }
            }
            long perHundredThousand = Math.min(100_000, Math.round(share * allRecords / Math.max(1, platformRows) * 100_000));
            long touched = 0;
            for (String county : counties) {
                for (String[] t : TABLES) {
                    String change = t[0].equals("jy_ry")
                            ? ", whcd = CASE WHEN whcd = '高中' THEN '中专' ELSE '高中' END" : "";
                    touched += s.executeUpdate("UPDATE c" + county + "_" + t[0] + " SET gxsj = '" + at.toString().replace('T', ' ')
                            + "'" + change + " WHERE MOD(CRC32(CONCAT(" + t[1] + ", '/', " + night + ")), 100000) < "
                            + perHundredThousand);
                }
            }
            return touched;
        }
    }
}
