package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The source columns (headers, JSON paths, table columns) an entity's mapping names, until the unit's records have
 * shown each of them. A mapped column that no record of a unit has is a mistake in the mapping or in the source
 * (a typo'd header silently leaves a field empty in every record): the source fails loudly, naming the unit and
 * the column, instead of loading records with holes.
 */
final class MappedColumns {

    private final Set<String> notSeen;
    private final Set<String> seenColumns = new TreeSet<>();
    private long records;

    MappedColumns(EntityMapping mapping) {
        notSeen = mapping.columns() == null ? new TreeSet<>() : mapping.columns().values().stream()
                .map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    void see(SourceRecord r) {
        if (r.readError() != null || r.values().isEmpty()) {
            return;
        }
        records++;
        if (!notSeen.isEmpty()) {
            r.values().keySet().forEach(k -> {
                String key = k.toLowerCase(Locale.ROOT);
                notSeen.remove(key);
                if (seenColumns.size() < 200) {
                    seenColumns.add(k);
                }
            });
        }
    }

    /** Why the unit's mapping does not fit it, or null when every mapped column was seen (or no record was read). */
    String problem(String unitLabel) {
        if (records == 0 || notSeen.isEmpty()) {
            return null;
        }
        return "mapped column(s) " + notSeen + " not found in " + unitLabel + " (" + records + " record(s) read; it has "
                + seenColumns + ")";
    }
}
