package cn.hunan.hrss.employmenthub.source.json;

import cn.hunan.hrss.employmenthub.source.FileKind;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;
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
    protected void checkFormat(String format, Report report) {
        if (!List.of("ndjson", "array").contains(format)) {
            report.problem("file.format", "must be ndjson or array");
        }
    }
}
