package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import cn.hunan.hrss.employmenthub.source.config.SourceKinds;

/** The reader of each kind of source, from the kind's plug-in. */
public final class SourceAdapters {

    private SourceAdapters() {
    }

    public static SourceAdapter forKind(SourceKind kind) {
        return plugin(kind).adapter();
    }

    public static SourceKindPlugin plugin(SourceKind kind) {
        return (SourceKindPlugin) SourceKinds.get(kind);
    }
}
