package cn.hunan.hrss.employmenthub.source.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;

/**
 * One source system, as an operator describes it in {@code jobs-config/sources/<area>/<id>.yml}.
 * Every key is documented in {@code jobs-config/README.md}.
 */
public record SourceDefinition(
        String id,
        String name,
        SourceKind kind,
        String region,
        Integer priority,
        Boolean enabled,
        @JsonProperty("date-formats") List<String> dateFormats,
        @JsonProperty("error-limit") ErrorLimit errorLimit,
        Connection connection,
        FileSettings file,
        List<EntityMapping> entities,
        @JsonProperty("config-file") Path configFile,
        Integer parallelism) {

    public SourceDefinition(String id, String name, SourceKind kind, String region, Integer priority, Boolean enabled,
                            List<String> dateFormats, ErrorLimit errorLimit, Connection connection, FileSettings file,
                            List<EntityMapping> entities, Path configFile) {
        this(id, name, kind, region, priority, enabled, dateFormats, errorLimit, connection, file, entities, configFile, null);
    }

    /**
     * How many partitions this source's units (files, sheets, tables) are dealt into, so how many threads or workers
     * read it at once: its {@code parallelism}, else {@code otherwise} (the run's).
     */
    public int parallelismOr(int otherwise) {
        return parallelism == null ? otherwise : parallelism;
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public int priorityOrDefault() {
        return priority == null ? 100 : priority;
    }

    /**
     * JDBC connection of a {@code jdbc} source; credentials only as {@code ${ENV_VAR}}. A server that does not
     * answer within {@code connect-timeout} seconds, or sends nothing for {@code read-timeout} seconds while a
     * query runs (a table locked by its own application), fails this source alone. An incremental read starts
     * {@code lookback} minutes before the watermark, so that a row committed late with an earlier time is read;
     * the rows of that window the warehouse already has are passed over.
     */
    public record Connection(String url, String username, String password, String driver,
                             @JsonProperty("connect-timeout") Integer connectTimeout,
                             @JsonProperty("read-timeout") Integer readTimeout,
                             Integer lookback) {

        public static final int DEFAULT_CONNECT_TIMEOUT = 10;
        public static final int DEFAULT_READ_TIMEOUT = 120;
        public static final int DEFAULT_LOOKBACK = 60;

        public int connectTimeoutOrDefault() {
            return connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        }

        public int readTimeoutOrDefault() {
            return readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
        }

        /** Minutes before the watermark an incremental read starts again, for rows committed late (default 60). */
        public int lookbackOrDefault() {
            return lookback == null ? DEFAULT_LOOKBACK : lookback;
        }
    }

    /** Defaults for the files of a {@code csv}, {@code xlsx} or {@code json} source. */
    public record FileSettings(String encoding, String delimiter, @JsonProperty("header-row") Integer headerRow,
                               String format) {
    }

    /** When a source stops counting as healthy: more than {@code count} rejects or more than {@code percent}. */
    public record ErrorLimit(Long count, Double percent) {
    }

    public SourceDefinition withConfigFile(Path file) {
        return new SourceDefinition(id, name, kind, region, priority, enabled, dateFormats, errorLimit, connection,
                this.file, entities, file, parallelism);
    }
}
