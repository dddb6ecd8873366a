package cn.hunan.hrss.employmenthub.source.config;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The kinds of source system on the class path: every public class under {@value #PLUGINS} that implements
 * {@link KindRules}, found once by scanning (Spring's class path scanner, without an application context). Adding a
 * kind is adding its package; no list or switch names it.
 */
public final class SourceKinds {

    static final String PLUGINS = "cn.hunan.hrss.employmenthub.source";

    private static volatile Map<String, KindRules> kinds;

    private SourceKinds() {
    }

    public static Optional<KindRules> find(SourceKind kind) {
        return kind == null || kind.name() == null ? Optional.empty() : Optional.ofNullable(all().get(kind.name()));
    }

    public static KindRules get(SourceKind kind) {
        return find(kind).orElseThrow(() -> new IllegalArgumentException("unknown kind of source '" + kind + "' (kinds: "
                + names() + ")"));
    }

    public static Collection<String> names() {
        return all().keySet();
    }

    private static Map<String, KindRules> all() {
        Map<String, KindRules> found = kinds;
        if (found == null) {
            found = new TreeMap<>();
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AssignableTypeFilter(KindRules.class));
            for (BeanDefinition candidate : scanner.findCandidateComponents(PLUGINS)) {
                try {
                    Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), SourceKinds.class.getClassLoader());
                    KindRules rules = (KindRules) type.getDeclaredConstructor().newInstance();
                    found.put(rules.name(), rules);
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new IllegalStateException("kind of source " + candidate.getBeanClassName() + " cannot be loaded", e);
                }
            }
            kinds = found;
        }
        return found;
    }
}
