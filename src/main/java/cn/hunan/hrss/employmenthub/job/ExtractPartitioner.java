package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;
import cn.hunan.hrss.employmenthub.source.SourceAdapters;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.warehouse.RunBookkeeping;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The extract's partitions: each enabled source (or each source of a reprocess's scope) is planned here, and its
 * units (files, sheets, tables) are dealt into at most the source's {@code parallelism} partitions, so that one
 * large source is read by several threads or workers. Each partition's context holds its source id and its units.
 * A source whose plan cannot be made (its database is down) gets one partition without units: its reader plans
 * again, and the source fails alone there, as it always did.
 */
public class ExtractPartitioner implements Partitioner {

    public static final String SOURCE_ID = "sourceId";
    public static final String UNITS = "units";
    private static final Logger log = LoggerFactory.getLogger(ExtractPartitioner.class);

    private final JobsConfig config;
    private final Set<String> scope;
    private final RunBookkeeping bookkeeping;
    private final LocalDate runDate;
    private final String scopeEntity;
    private final int parallelism;

    /**
     * {@code scope}: the source ids a reprocess reads, comma-separated; null or empty for every enabled source.
     * {@code parallelism}: partitions per source where the source does not say.
     */
    public ExtractPartitioner(JobsConfig config, String scope, RunBookkeeping bookkeeping, LocalDate runDate, String scopeEntity,
                              int parallelism) {
        this.config = config;
        this.scope = scope == null || scope.isBlank() ? Set.of() : Set.of(scope.split(","));
        this.bookkeeping = bookkeeping;
        this.runDate = runDate;
        this.scopeEntity = scopeEntity == null || scopeEntity.isBlank() ? null : scopeEntity;
        this.parallelism = parallelism;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (SourceDefinition s : config.enabledSources()) {
            if (!scope.isEmpty() && !scope.contains(s.id())) {
                continue;
            }
            List<ExtractUnit> plan;
            SourceAdapter adapter = SourceAdapters.forKind(s.kind());
            int parts = Math.min(s.parallelismOr(parallelism), adapter.maxPartitions(s));
            try {
                plan = UnitPlan.cut(s, adapter, UnitPlan.of(s, config, adapter, bookkeeping, runDate, !scope.isEmpty(), scopeEntity),
                        runDate, parts);
            } catch (RuntimeException e) {
                log.warn("source {}: its units cannot be planned ({}); one partition will try it", s.id(), e.getClass().getSimpleName());
                partitions.put("source:" + s.id(), context(s.id()));
                continue;
            } finally {
                close(adapter);
            }
            List<List<ExtractUnit>> groups = UnitPlan.split(plan, parts);
            if (groups.isEmpty()) {
                ExecutionContext ctx = context(s.id());
                ctx.putString(UNITS, "[]");
                partitions.put("source:" + s.id(), ctx);
            }
            for (int i = 0; i < groups.size(); i++) {
                ExecutionContext ctx = context(s.id());
                ctx.putString(UNITS, UnitPlan.write(s, groups.get(i)));
                partitions.put(groups.size() == 1 ? "source:" + s.id() : "source:" + s.id() + ":" + (i + 1), ctx);
            }
        }
        return partitions;
    }

    private static ExecutionContext context(String sourceId) {
        ExecutionContext ctx = new ExecutionContext();
        ctx.putString(SOURCE_ID, sourceId);
        return ctx;
    }

    private static void close(SourceAdapter adapter) {
        try {
            adapter.close();
        } catch (Exception ignored) {
            // the plan is made; a connection that does not close cleanly changes nothing
        }
    }
}
