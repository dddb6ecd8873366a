package cn.hunan.hrss.employmenthub.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code COMMAND [--option=value ...]}: the command and its options, with unknown options rejected. */
public record CommandLine(String command, Map<String, String> options) {

    public static CommandLine parse(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "' (options look like --name=value)");
            }
            int eq = a.indexOf('=');
            options.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        if (command.equals("--help") || command.equals("-h")) {
            command = "help";
        }
        return new CommandLine(command, options);
    }

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

    /** Rejects options the command does not know. */
    public void allow(List<String> known) {
        for (String k : options.keySet()) {
            if (!known.contains(k) && !k.equals("help") && !k.equals("config-dir")) {
                throw new UsageException("unknown option --" + k + " for " + command + " (known: " + known + ")");
            }
        }
    }

    /** Wrong command-line usage; exit code 64. */
    public static class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
