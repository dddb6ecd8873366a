package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per enabled source system; each partition finds its source id in its step context. */
public class SourcePartitioner implements Partitioner {

    public static final String SOURCE_ID = "sourceId";

    private final JobsConfig config;

    public SourcePartitioner(JobsConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (SourceDefinition s : config.enabledSources()) {
            ExecutionContext ctx = new ExecutionContext();
            ctx.putString(SOURCE_ID, s.id());
            partitions.put("source:" + s.id(), ctx);
        }
        return partitions;
    }
}
