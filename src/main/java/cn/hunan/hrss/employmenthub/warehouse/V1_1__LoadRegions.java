package cn.hunan.hrss.employmenthub.warehouse;

import cn.hunan.hrss.employmenthub.record.Regions.Region;
import cn.hunan.hrss.employmenthub.record.Regions;
import java.sql.PreparedStatement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Loads the region dimension from the bundled Hunan division reference (31,691 units). */
public class V1_1__LoadRegions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        List<Region> all = Regions.hunan().all();
        try (PreparedStatement ps = context.getConnection().prepareStatement(
                "INSERT INTO wh_region (code, name, level, kind, parent_code, city_code, county_code) VALUES (?,?,?,?,?,?,?)")) {
            int n = 0;
            for (Region r : all) {
                ps.setString(1, r.code());
                ps.setString(2, r.name());
                ps.setString(3, r.level());
                ps.setString(4, r.kind());
                ps.setString(5, r.parentCode());
                ps.setString(6, r.cityCode());
                ps.setString(7, r.countyCode());
                ps.addBatch();
                if (++n % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
