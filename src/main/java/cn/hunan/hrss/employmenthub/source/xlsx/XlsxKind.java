package cn.hunan.hrss.employmenthub.source.xlsx;

import cn.hunan.hrss.employmenthub.source.FileKind;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;

/** {@code kind: xlsx}: Excel workbooks, sheet by sheet. */
public final class XlsxKind extends FileKind {

    @Override
    public String name() {
        return "xlsx";
    }

    @Override
    public SourceAdapter adapter() {
        return new XlsxAdapter();
    }

    @Override
    protected boolean hasSheets() {
        return true;
    }

    @Override
    public boolean excelSerialDates() {
        return true;
    }
}
