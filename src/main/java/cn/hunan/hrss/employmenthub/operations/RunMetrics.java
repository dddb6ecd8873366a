package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.quality.Reconciler;
import cn.hunan.hrss.employmenthub.quality.Reconciliation;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseLock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pipeline's metrics (Prometheus at {@code /actuator/prometheus} under {@code serve}): records read, loaded,
 * merged and quarantined per source ({@code hub_records_total}), each run's duration ({@code hub_run_seconds}), the
 * time since the last successful night ({@code hub_last_success_age_seconds}) and whether the warehouse lock is held
 * ({@code hub_warehouse_lock_held}).
 */
@Component
public class RunMetrics {

    private final MeterRegistry registry;
    private final Reconciler reconciler;

    public RunMetrics(MeterRegistry registry, Reconciler reconciler, JdbcTemplate jdbc, WarehouseLock lock, Clock clock) {
        this.registry = registry;
        this.reconciler = reconciler;
        Gauge.builder("hub.last.success.age", jdbc, j -> {
            Timestamp last = j.queryForObject("SELECT MAX(finished_at) FROM etl_run WHERE status = 'SUCCEEDED'", Timestamp.class);
            return last == null ? Double.NaN : Duration.between(last.toLocalDateTime(), LocalDateTime.now(clock.withZone(
                    java.time.ZoneId.systemDefault()))).toSeconds();
        }).baseUnit("seconds").description("time since the last night that succeeded").register(registry);
        Gauge.builder("hub.warehouse.lock.held", lock, l -> l.isHeld() ? 1 : 0)
                .description("1 while a night, reprocess or other writer holds the warehouse lock").register(registry);
    }

    /** Counts what a finished run did, per source and outcome, and times it. */
    public void recorded(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        for (Reconciliation r : reconciler.load(runId)) {
            count(r.sourceId(), "read", r.read());
            count(r.sourceId(), "loaded", r.created() + r.updated() + r.unchanged());
            count(r.sourceId(), "merged", r.merged());
            count(r.sourceId(), "quarantined", r.quarantined());
        }
        if (execution.getStartTime() != null && execution.getEndTime() != null) {
            Timer.builder("hub.run").description("how long a run took").tag("status", execution.getStatus().name())
                    .register(registry).record(Duration.between(execution.getStartTime(), execution.getEndTime()));
        }
    }

    private void count(String source, String outcome, long n) {
        if (n > 0) {
            Counter.builder("hub.records").description("records by source and what became of them").tag("source", source)
                    .tag("outcome", outcome).register(registry).increment(n);
        }
    }
}
