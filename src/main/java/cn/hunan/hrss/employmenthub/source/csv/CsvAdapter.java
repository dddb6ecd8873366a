package cn.hunan.hrss.employmenthub.source.csv;

import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.FileAdapter;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.RowFilter;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.time.LocalDate;

/** Delimited text registers: any encoding (UTF-8, GBK, GB18030), a title row above the header, subtotal rows. */
public final class CsvAdapter extends FileAdapter {

    @Override
    public RecordCursor open(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate)
            throws Exception {
        SourceDefinition.FileSettings f = source.file();
        char delimiter = f == null || f.delimiter() == null ? ',' : "\\t".equals(f.delimiter()) ? '\t' : f.delimiter().charAt(0);
        return new CsvCursor(source.id(), unit, charset(source), delimiter, headerRow(source, unit.mapping()),
                new RowFilter(unit.mapping().skipRows()));
    }
}
