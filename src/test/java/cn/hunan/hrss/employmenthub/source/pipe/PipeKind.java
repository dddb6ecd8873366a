package cn.hunan.hrss.employmenthub.source.pipe;

import cn.hunan.hrss.employmenthub.source.FileKind;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;

/** A fifth kind of source, added the way the README says: this package and nothing else. */
public final class PipeKind extends FileKind {

    @Override
    public String name() {
        return "pipe";
    }

    @Override
    public SourceAdapter adapter() {
        return new PipeAdapter();
    }
}
