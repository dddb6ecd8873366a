package cn.hunan.hrss.employmenthub.source.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code defaults.yml} and every {@code sources/**.yml} under a jobs-config directory, substitutes
 * {@code ${ENV_VAR}} references, binds them strictly (an unknown key is an error) and hands them to
 * {@link ConfigChecker}. Any problem fails the load with every problem named by file and key.
 */
public final class ConfigLoader {

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::([^}]*))?}");
    public static final String CONFIG_DIR_VARIABLE = "CONFIG_DIR";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
    private final Function<String, String> environment;

    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public static ConfigLoader withSystemEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    /** Loads and checks; throws {@link ConfigException} naming every problem. */
    public JobsConfig load(Path dir) {
        List<ConfigProblem> problems = new ArrayList<>();
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new ConfigException(List.of(new ConfigProblem(dir.toString(), "", "not a directory")));
        }
        Defaults defaults = Defaults.NONE;
        Path defaultsFile = absolute.resolve("defaults.yml");
        if (Files.exists(defaultsFile)) {
            Defaults d = bind(defaultsFile, absolute, Defaults.class, problems);
            defaults = d == null ? Defaults.NONE : d;
        }
        List<SourceDefinition> sources = new ArrayList<>();
        for (Path file : sourceFiles(absolute.resolve("sources"), problems)) {
            SourceDefinition s = bind(file, absolute, SourceDefinition.class, problems);
            if (s != null) {
                sources.add(s.withConfigFile(file));
            }
        }
        List<ConfigProblem> warnings = new ArrayList<>();
        new ConfigChecker(absolute, defaults).check(sources, problems, warnings);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new JobsConfig(absolute, defaults, List.copyOf(sources), warnings);
    }

    private List<Path> sourceFiles(Path sourcesDir, List<ConfigProblem> problems) {
        if (!Files.isDirectory(sourcesDir)) {
            problems.add(new ConfigProblem(sourcesDir.toString(), "", "missing: put one YAML file per source system here"));
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sourcesDir)) {
            return files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new ConfigProblem(sourcesDir.toString(), "", "cannot list: " + e.getMessage()));
            return List.of();
        }
    }

    private <T> T bind(Path file, Path configDir, Class<T> type, List<ConfigProblem> problems) {
        String name = configDir.getParent() == null ? file.toString() : configDir.getParent().relativize(file).toString();
        try {
            JsonNode tree = yaml.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                problems.add(new ConfigProblem(name, "", "expected a YAML mapping of keys"));
                return null;
            }
            // every problem of the file in one pass: substitution problems do not stop the binding, and every
            // unknown key is named, not only the first
            JsonNode resolved = substitute(tree, "", name, configDir, problems);
            return yaml.readerFor(type).withHandler(new UnknownKeys(name, problems)).readValue(yaml.treeAsTokens(resolved));
        } catch (UnrecognizedPropertyException e) {
            problems.add(new ConfigProblem(name, path(e), "unknown key '" + e.getPropertyName() + "' (known keys: "
                    + e.getKnownPropertyIds() + ")"));
        } catch (InvalidFormatException e) {
            problems.add(new ConfigProblem(name, path(e), "wrong type: '" + e.getValue() + "' is not a valid "
                    + e.getTargetType().getSimpleName()));
        } catch (MismatchedInputException e) {
            problems.add(new ConfigProblem(name, path(e), "wrong type: expected " + describe(e.getTargetType())));
        } catch (JsonMappingException e) {
            problems.add(new ConfigProblem(name, path(e), e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new ConfigProblem(name, "", "not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        return null;
    }

    /** Names each unknown key with its place and the keys known there, and reads on. */
    private static final class UnknownKeys extends com.fasterxml.jackson.databind.deser.DeserializationProblemHandler {

        private final String file;
        private final List<ConfigProblem> problems;

        UnknownKeys(String file, List<ConfigProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(com.fasterxml.jackson.databind.DeserializationContext ctxt,
                                             com.fasterxml.jackson.core.JsonParser p,
                                             com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            String pointer = p.getParsingContext().pathAsPointer().toString();
            String key = pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.').replaceAll("\\.{2,}", ".");
            problems.add(new ConfigProblem(file, key, "unknown key '" + propertyName + "' (known keys: "
                    + deserializer.getKnownPropertyNames() + ")"));
            p.skipChildren();
            return true;
        }
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys";
        }
        return type.getSimpleName().equals("String") ? "text" : type.getSimpleName().toLowerCase();
    }

    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private JsonNode substitute(JsonNode node, String key, String file, Path configDir, List<ConfigProblem> problems) {
        if (node.isTextual()) {
            return new TextNode(expand(node.asText(), key, file, configDir, problems));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = key.isEmpty() ? e.getKey() : key + "." + e.getKey();
                copy.set(e.getKey(), substitute(e.getValue(), child, file, configDir, problems));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(substitute(node.get(i), key + "[" + i + "]", file, configDir, problems));
            }
            return copy;
        }
        return node;
    }

    private String expand(String text, String key, String file, Path configDir, List<ConfigProblem> problems) {
        if (key.endsWith("password") && !text.isEmpty() && !ENV.matcher(text).find()) {
            problems.add(new ConfigProblem(file, key, "credentials must be an ${ENV_VAR} reference, not a literal"));
        }
        Matcher m = ENV.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String var = m.group(1);
            String value = CONFIG_DIR_VARIABLE.equals(var) ? configDir.toString().replace('\\', '/') : environment.apply(var);
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                problems.add(new ConfigProblem(file, key, "environment variable ${" + var + "} is not set"));
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
