package cn.hunan.hrss.employmenthub.operations;

import java.util.Map;
import java.util.Optional;

/** {@code COMMAND [--option=value ...]} as {@link Cli} parsed it: the command and the options it was given. */
public record CommandLine(String command, Map<String, String> options) {

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int intOption(String name, int fallback) {
        String v = options.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + v + "'");
        }
    }

    public boolean wantsHelp() {
        return options.containsKey("help");
    }

    /** Wrong command-line usage; exit code 64. */
    public static class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
