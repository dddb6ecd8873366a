package cn.hunan.hrss.employmenthub.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds the implementations of a plug-in interface on the class path by scanning a package (Spring's class path
 * scanner, no application context needed), and makes one of each with its no-argument constructor. What is found this
 * way is never imported by the code that uses it: kinds of source, the test kit's commands.
 */
public final class Plugins {

    private Plugins() {
    }

    public static <T> List<T> find(Class<T> type, String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(type));
        List<T> out = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            try {
                Class<?> found = ClassUtils.forName(candidate.getBeanClassName(), Plugins.class.getClassLoader());
                out.add(type.cast(found.getDeclaredConstructor().newInstance()));
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException(type.getSimpleName() + " " + candidate.getBeanClassName()
                        + " cannot be loaded", e);
            }
        }
        return out;
    }
}
