package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.source.config.KindRules;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;

/**
 * A kind of source system as a plug-in: its configuration rules and its reader. A kind is one package under
 * {@code source} (e.g. {@code source.csv}) with a public class implementing this, found on the class path by
 * {@link cn.hunan.hrss.employmenthub.source.config.SourceKinds}; see the README's "Adding a kind of source".
 */
public interface SourceKindPlugin extends KindRules {

    /** A reader for sources of this kind (one per source and run: it may keep a connection across units). */
    SourceAdapter adapter();

    /** Why the source cannot be reached now (for the health endpoint), or null when it can. */
    String unreachable(SourceDefinition source, java.nio.file.Path configDir) throws Exception;
}
