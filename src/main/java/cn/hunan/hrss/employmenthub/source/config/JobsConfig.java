package cn.hunan.hrss.employmenthub.source.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything under jobs-config/, loaded and checked. */
public record JobsConfig(Path dir, Defaults defaults, List<SourceDefinition> sources, List<ConfigProblem> warnings) {

    public List<SourceDefinition> enabledSources() {
        return sources.stream().filter(SourceDefinition::isEnabled).toList();
    }

    public Optional<SourceDefinition> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** A path from a source file, relative to the config directory unless absolute. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : dir.resolve(p).normalize();
    }
}
