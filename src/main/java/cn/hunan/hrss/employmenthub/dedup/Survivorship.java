package cn.hunan.hrss.employmenthub.dedup;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.config.Defaults;
import java.util.List;
import java.util.Map;

/**
 * Which source's value a golden attribute takes. For an attribute named in {@code survivorship:} of
 * jobs-config/defaults.yml, the sources listed there rank first, in their order, then every other source by its
 * priority; among equals the most recent record wins, then the most complete. Any other attribute follows the
 * best whole record (priority, most recent, most complete), gaps filled from the next best record that has it.
 */
public record Survivorship(Map<String, Map<String, List<String>>> policies) {

    /** The sources listed for an entity's attribute, best first; empty when the attribute has no policy. */
    public List<String> sources(EntityType e, String field) {
        Map<String, List<String>> fields = policies.get(e.key());
        List<String> listed = fields == null ? null : fields.get(field);
        return listed == null ? List.of() : listed;
    }

    /**
     * The rank of {@code alias}'s source for an attribute, as SQL (lower is better): its position in the list,
     * else 1000 plus its priority. {@code priority} is the SQL giving the source's priority.
     */
    String rank(EntityType e, String field, String sourceId, String priority) {
        List<String> listed = sources(e, field);
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i < listed.size(); i++) {
            String p = listed.get(i);
            if (!Defaults.SOURCE_PATTERN.matcher(p).matches()) {
                throw new IllegalArgumentException("not a source pattern: " + p);
            }
            sql.append(p.contains("*") ? " WHEN " + sourceId + " LIKE '" + p.replace("_", "\\_").replace('*', '%') + "'"
                    : " WHEN " + sourceId + " = '" + p + "'").append(" THEN ").append(i);
        }
        return sql.append(" ELSE 1000 + ").append(priority).append(" END").toString();
    }
}
