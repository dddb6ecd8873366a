package cn.hunan.hrss.employmenthub.source.csv;

import cn.hunan.hrss.employmenthub.source.FileKind;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;

/** {@code kind: csv}: delimited text registers. */
public final class CsvKind extends FileKind {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public SourceAdapter adapter() {
        return new CsvAdapter();
    }

    @Override
    protected void checkSettings(SourceDefinition.FileSettings f, Report report) {
        super.checkSettings(new SourceDefinition.FileSettings(f.encoding(), null, f.headerRow(), f.format()), report);
        if (f.delimiter() != null && f.delimiter().length() != 1 && !"\\t".equals(f.delimiter())) {
            report.problem("file.delimiter", "must be one character (or \\t)");
        }
    }
}
