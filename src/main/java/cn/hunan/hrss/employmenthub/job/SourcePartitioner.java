package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per enabled source system (or per source of a reprocess's scope); each partition finds its source
 * id in its step context.
 */
public class SourcePartitioner implements Partitioner {

    public static final String SOURCE_ID = "sourceId";

    private final JobsConfig config;
    private final java.util.Set<String> scope;

    /** {@code scope}: the source ids a reprocess reads, comma-separated; null or empty for every enabled source. */
    public SourcePartitioner(JobsConfig config, String scope) {
        this.config = config;
        this.scope = scope == null || scope.isBlank() ? java.util.Set.of() : java.util.Set.of(scope.split(","));
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (SourceDefinition s : config.enabledSources()) {
            if (!scope.isEmpty() && !scope.contains(s.id())) {
                continue;
            }
            ExecutionContext ctx = new ExecutionContext();
            ctx.putString(SOURCE_ID, s.id());
            partitions.put("source:" + s.id(), ctx);
        }
        return partitions;
    }
}
