package cn.hunan.hrss.employmenthub.source.json;

import cn.hunan.hrss.employmenthub.source.FileKind;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.util.List;

/** {@code kind: json}: one object a line, or one array of objects. */
public final class JsonKind extends FileKind {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public SourceAdapter adapter() {
        return new JsonAdapter();
    }

    @Override
    protected void checkSettings(SourceDefinition.FileSettings f, Report report) {
        super.checkSettings(new SourceDefinition.FileSettings(f.encoding(), f.delimiter(), f.headerRow(), null), report);
        if (f.format() != null && !List.of("ndjson", "array").contains(f.format())) {
            report.problem("file.format", "must be ndjson or array");
        }
    }
}
