package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import cn.hunan.hrss.employmenthub.source.csv.CsvAdapter;
import cn.hunan.hrss.employmenthub.source.jdbc.JdbcAdapter;
import cn.hunan.hrss.employmenthub.source.json.JsonAdapter;
import cn.hunan.hrss.employmenthub.source.xlsx.XlsxAdapter;

/** The adapter for each kind of source. */
public final class SourceAdapters {

    private SourceAdapters() {
    }

    public static SourceAdapter forKind(SourceKind kind) {
        return switch (kind) {
            case JDBC -> new JdbcAdapter();
            case CSV -> new CsvAdapter();
            case XLSX -> new XlsxAdapter();
            case JSON -> new JsonAdapter();
        };
    }
}
