package cn.hunan.hrss.employmenthub.source.csv;

import cn.hunan.hrss.employmenthub.source.FileKind;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;

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
    protected void checkDelimiter(String delimiter, Report report) {
        if (delimiter.length() != 1 && !"\\t".equals(delimiter)) {
            report.problem("file.delimiter", "must be one character (or \\t)");
        }
    }
}
