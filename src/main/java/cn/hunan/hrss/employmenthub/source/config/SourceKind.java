package cn.hunan.hrss.employmenthub.source.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A kind of source system, by name (`kind: csv`). The kinds are plug-ins, each a package under {@code source} with one
 * {@link KindRules} class ({@link SourceKinds} finds them); the four the project ships are named here for its own use.
 */
public record SourceKind(String name) {

    public static final SourceKind JDBC = new SourceKind("jdbc");
    public static final SourceKind CSV = new SourceKind("csv");
    public static final SourceKind XLSX = new SourceKind("xlsx");
    public static final SourceKind JSON = new SourceKind("json");

    @JsonCreator
    public static SourceKind of(String name) {
        return new SourceKind(name == null ? null : name.strip().toLowerCase(Locale.ROOT));
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
