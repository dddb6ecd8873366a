package cn.hunan.hrss.employmenthub.source.config;

import java.util.List;
import java.util.stream.Collectors;

/** jobs-config is not usable; thrown before any run starts. */
public class ConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
