package cn.hunan.hrss.employmenthub.source.config;

import cn.hunan.hrss.employmenthub.system.Plugins;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kinds of source system on the class path: every public class under {@value #PLUGINS} that implements
 * {@link KindRules}, found once by scanning ({@link Plugins}). Adding a
 * kind is adding its package; no list or switch names it.
 */
public final class SourceKinds {

    static final String PLUGINS = "cn.hunan.hrss.employmenthub.source";

    private static volatile Map<String, KindRules> kinds;

    private SourceKinds() {
    }

    public static Optional<KindRules> find(SourceKind kind) {
        return kind == null || kind.name() == null ? Optional.empty() : Optional.ofNullable(kinds().get(kind.name()));
    }

    public static KindRules get(SourceKind kind) {
        return find(kind).orElseThrow(() -> new IllegalArgumentException("unknown kind of source '" + kind + "' (kinds: "
                + names() + ")"));
    }

    public static Collection<String> names() {
        return kinds().keySet();
    }

    /** Every kind on the class path, by name. */
    public static Collection<KindRules> all() {
        return kinds().values();
    }

    private static Map<String, KindRules> kinds() {
        Map<String, KindRules> found = kinds;
        if (found == null) {
            found = new TreeMap<>();
            for (KindRules rules : Plugins.find(KindRules.class, PLUGINS)) {
                found.put(rules.name(), rules);
            }
            kinds = found;
        }
        return found;
    }
}
