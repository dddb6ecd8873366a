package cn.hunan.hrss.employmenthub.source.json;

import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.FileAdapter;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.time.LocalDate;

/** JSON exports: line-delimited (one object a line) or one array of objects, streamed either way. */
public final class JsonAdapter extends FileAdapter {

    @Override
    public RecordCursor open(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate)
            throws Exception {
        SourceDefinition.FileSettings f = source.file();
        boolean array = f != null && "array".equals(f.format());
        return array ? new JsonArrayCursor(source.id(), unit, charset(source))
                : new NdjsonCursor(source.id(), unit, charset(source));
    }
}
