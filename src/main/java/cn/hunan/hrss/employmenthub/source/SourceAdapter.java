package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.time.LocalDate;
import java.util.List;

/** Reads one kind of source system (a plugin, in DataX's sense): plans the units of a run, then opens each. */
public interface SourceAdapter {

    /**
     * What this run must read. {@code done} tells which units earlier runs already loaded: a file fingerprint
     * or, for a database entity, its watermark.
     */
    List<ExtractUnit> plan(SourceDefinition source, JobsConfig config, Watermarks done, LocalDate runDate);

    /**
     * The most partitions this source can be read in at once, whatever its {@code parallelism}: by default no limit.
     */
    default int maxPartitions(SourceDefinition source) {
        return Integer.MAX_VALUE;
    }

    /**
     * A unit cut into at most {@code parts} units that together read what it reads, for partitions to read side by
     * side (a table by ranges of its {@code split-pk}); by default the unit itself.
     */
    default List<ExtractUnit> split(SourceDefinition source, ExtractUnit unit, LocalDate runDate, int parts) throws Exception {
        return List.of(unit);
    }

    /**
     * Before units planned elsewhere (by the extract's partitioner, perhaps on another machine) are opened here: what
     * {@link #plan} would have learnt on the way, such as the rows of a lookback window read before.
     */
    default void prepare(SourceDefinition source, List<ExtractUnit> units, Watermarks done) {
    }

    RecordCursor open(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate) throws Exception;

    /**
     * The column names a unit's records carry, from a look at the live source without loading anything: by
     * default the keys of its first {@code sample} records (headers, JSON paths); databases give their result's
     * columns without reading a row.
     */
    default java.util.Set<String> columns(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate,
                                          int sample) throws Exception {
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        try (RecordCursor cursor = open(source, config, unit, runDate)) {
            for (int i = 0; i < sample; i++) {
                cn.hunan.hrss.employmenthub.record.SourceRecord r = cursor.next();
                if (r == null) {
                    break;
                }
                columns.addAll(r.values().keySet());
            }
        }
        return columns;
    }

    /** Releases what the adapter kept open across units (a database connection); called when the source is done. */
    default void close() throws Exception {
    }
}
