package cn.hunan.hrss.employmenthub.source.xlsx;

import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.FileAdapter;
import cn.hunan.hrss.employmenthub.source.RecordCursor;
import cn.hunan.hrss.employmenthub.source.RowFilter;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.time.LocalDate;

/** Excel workbooks (.xlsx), streamed row by row: a 100k-row register never sits in memory whole. */
public final class XlsxAdapter extends FileAdapter {

    @Override
    public RecordCursor open(SourceDefinition source, JobsConfig config, ExtractUnit unit, LocalDate runDate)
            throws Exception {
        return new XlsxCursor(source.id(), unit, unit.mapping().sheet(), headerRow(source, unit.mapping()),
                new RowFilter(unit.mapping().skipRows()));
    }
}
