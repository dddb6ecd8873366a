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

    RecordCursor open(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate) throws Exception;

    /** Releases what the adapter kept open across units (a database connection); called when the source is done. */
    default void close() throws Exception {
    }
}
