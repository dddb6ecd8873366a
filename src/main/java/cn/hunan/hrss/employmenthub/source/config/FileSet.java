package cn.hunan.hrss.employmenthub.source.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Expands a path or glob (wildcards in the file name only) relative to the config directory, sorted. */
public final class FileSet {

    private FileSet() {
    }

    public static List<Path> expand(Path configDir, String pattern) {
        Path p = configDir.resolve(pattern).normalize();
        String name = p.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            return Files.isRegularFile(p) ? List.of(p) : List.of();
        }
        Path dir = p.getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
