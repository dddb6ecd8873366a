package cn.hunan.hrss.employmenthub;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The code reads in the data's order: every package sits on a layer, and a class depends only on its own layer and
 * those below it; no two packages depend on each other, directly or round about. The layers, bottom first, are
 * listed in {@link #LAYERS} and drawn in the README's Layout section. The test kit (generator, truth, evaluation)
 * sits on top: the application finds its commands on the class path and never imports it.
 */
class ArchitectureTests {

    static final String BASE = "cn.hunan.hrss.employmenthub";

    /** Bottom first: each entry a layer, holding the packages (under {@link #BASE}) named, with their sub-packages. */
    static final List<List<String>> LAYERS = List.of(
            List.of("record"),
            List.of("system"),
            List.of("source.config"),
            List.of("source"),
            List.of("validation"),
            List.of("warehouse"),
            List.of("dedup"),
            List.of("mart"),
            List.of("quality"),
            List.of("job"),
            List.of("operations"),
            List.of(""),
            List.of("testkit"));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

    @Test
    void everyDependencyRunsDownwardsOrWithinItsLayer() {
        Set<String> backwards = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (!target.getPackageName().startsWith(BASE)) {
                    continue;
                }
                int from = layer(c.getPackageName());
                int to = layer(target.getPackageName());
                if (to > from) {
                    backwards.add(c.getPackageName().substring(BASE.length()) + " -> " + target.getPackageName()
                            .substring(BASE.length()) + " (" + c.getSimpleName() + " uses " + target.getSimpleName() + ")");
                }
            }
        }
        assertThat(backwards).as("dependencies up the layers").isEmpty();
    }

    @Test
    void noPackageCycles() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> packages = new TreeSet<>();
        CLASSES.forEach(c -> packages.add(c.getPackageName()));
        assertThat(packages).allSatisfy(p -> assertThat(layer(p)).as(p).isNotNegative());
    }

    /** The layer of a package: the most specific entry that names it or one of its parents. */
    static int layer(String packageName) {
        String relative = packageName.equals(BASE) ? "" : packageName.substring(BASE.length() + 1);
        int best = -1;
        int bestLength = -1;
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String p : LAYERS.get(i)) {
                boolean covers = p.isEmpty() ? relative.isEmpty() : relative.equals(p) || relative.startsWith(p + ".");
                if (covers && p.length() > bestLength) {
                    best = i;
                    bestLength = p.length();
                }
            }
        }
        return best;
    }
}
