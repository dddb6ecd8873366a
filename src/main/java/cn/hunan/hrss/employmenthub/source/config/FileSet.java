package cn.hunan.hrss.employmenthub.source.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands an entity's {@code path}: a file, or a glob with wildcards in any folder as well as the file name
 * ({@code data/*}{@code /register/persons-*.csv}, {@code data/**}{@code /*.csv}), relative to the config folder or
 * absolute. Files come sorted. A file is shown as the path was written: relative to the config folder, or absolute.
 */
public final class FileSet {

    private FileSet() {
    }

    public static List<Path> expand(Path configDir, String pattern) {
        Path base = base(configDir, pattern);
        String rest = rest(pattern);
        if (rest.isEmpty()) {
            return Files.isRegularFile(base) ? List.of(base) : List.of();
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
        try (Stream<Path> files = Files.walk(base, depth)) {
            return files.filter(f -> Files.isRegularFile(f) && matcher.matches(base.relativize(f))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folder the pattern's wildcards start below (the whole path when it has none), resolved against the config
     * folder unless absolute.
     */
    public static Path base(Path configDir, String pattern) {
        List<String> literal = new ArrayList<>();
        for (String part : segments(pattern)) {
            if (wild(part)) {
                break;
            }
            literal.add(part);
        }
        String prefix = String.join("/", literal);
        if (pattern.startsWith("/")) {
            prefix = "/" + prefix;
        }
        return configDir.resolve(prefix.isEmpty() ? "." : prefix).normalize();
    }

    /** Whether the pattern has a wildcard anywhere. */
    public static boolean isGlob(String pattern) {
        return segments(pattern).stream().anyMatch(FileSet::wild);
    }

    /** How a file of the pattern is named in logs, the quarantine and the audit: as the pattern was written. */
    public static String label(Path configDir, String pattern, Path file) {
        Path normalised = file.toAbsolutePath().normalize();
        Path dir = configDir.toAbsolutePath().normalize();
        String label = Path.of(pattern).isAbsolute() || !normalised.startsWith(dir) ? normalised.toString()
                : dir.relativize(normalised).toString();
        return label.replace('\\', '/');
    }

    private static String rest(String pattern) {
        List<String> parts = segments(pattern);
        int first = 0;
        while (first < parts.size() && !wild(parts.get(first))) {
            first++;
        }
        return String.join("/", parts.subList(first, parts.size()));
    }

    private static List<String> segments(String pattern) {
        return Stream.of(pattern.replace('\\', '/').split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean wild(String part) {
        return part.contains("*") || part.contains("?") || part.contains("[") || part.contains("{");
    }
}
