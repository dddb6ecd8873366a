package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.dedup.GoldenMerger;
import cn.hunan.hrss.employmenthub.dedup.MergeSettings;
import cn.hunan.hrss.employmenthub.mart.MartRefresher;
import cn.hunan.hrss.employmenthub.quality.ErrorLimits;
import cn.hunan.hrss.employmenthub.quality.Reconciler;
import cn.hunan.hrss.employmenthub.quality.Reconciliation;
import cn.hunan.hrss.employmenthub.quality.SummaryTable;
import cn.hunan.hrss.employmenthub.record.CanonicalRecord;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import cn.hunan.hrss.employmenthub.validation.RecordStandardiser;
import cn.hunan.hrss.employmenthub.warehouse.BulkInsert;
import cn.hunan.hrss.employmenthub.warehouse.ColumnLimits;
import cn.hunan.hrss.employmenthub.warehouse.RunBookkeeping;
import cn.hunan.hrss.employmenthub.warehouse.StagingWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: prepare the run, extract every enabled source in parallel (one partition each: read,
 * standardise, validate, land, stage or quarantine), merge into golden records, reconcile, rebuild the
 * marts, and only then advance the watermarks.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";
    /** Exit status of a run in which some sources failed their error limits and the others loaded. */
    public static final String PARTIAL = "PARTIAL";
    /** Exit status of a source's partition when the source could not be read: it fails alone, the night goes on. */
    public static final String UNREADABLE = "UNREADABLE";
    private static final Logger log = LoggerFactory.getLogger(NightlyJobConfiguration.class);

    @Bean
    @StepScope
    SourceItemReader sourceItemReader(JobsConfigProvider configs, RunBookkeeping bookkeeping,
                                      @Value("#{jobParameters['configDir']}") String configDir,
                                      @Value("#{stepExecutionContext['sourceId']}") String sourceId,
                                      @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long runId,
                                      @Value("#{jobParameters['date']}") LocalDate runDate,
                                      @Value("#{jobParameters['scopeEntity']}") String scopeEntity,
                                      @Value("#{jobParameters['scopeSources']}") String scopeSources,
                                      @Value("#{stepExecutionContext['units']}") String units,
                                      JdbcTemplate jdbc, PersonalData personalData) {
        JobsConfig config = configs.get(configDir);
        SourceDefinition source = config.source(sourceId).orElseThrow();
        return new SourceItemReader(source, config, bookkeeping, runId, runDate,
                scopeSources != null && !scopeSources.isBlank(), scopeEntity,
                (unit, landedBy) -> new LandingCursor(jdbc, personalData, sourceId, unit.entity(), unit.label(), landedBy),
                units == null ? null : UnitPlan.read(source, units));
    }

    @Bean
    @StepScope
    RecordProcessor recordProcessor(JobsConfigProvider configs, PersonalData personalData, ColumnLimits limits,
                                    @Value("#{jobParameters['configDir']}") String configDir,
                                                             @Value("#{stepExecutionContext['sourceId']}") String sourceId,
                                                             @Value("#{jobParameters['date']}") LocalDate runDate) {
        JobsConfig config = configs.get(configDir);
        SourceDefinition source = config.source(sourceId).orElseThrow();
        return new RecordProcessor(new RecordStandardiser(source, config.defaults().dateFormats(), runDate, personalData), limits);
    }

    @Bean
    @StepScope
    StagingWriter stagingWriter(BulkInsert insert, JobsConfigProvider configs,
                                @Value("#{jobParameters['configDir']}") String configDir,
                                @Value("#{stepExecutionContext['sourceId']}") String sourceId,
                                @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long runId) {
        return new StagingWriter(insert, runId, configs.get(configDir).source(sourceId).orElseThrow().priorityOrDefault());
    }

    @Bean
    Step extractSourceStep(JobRepository jobRepository, PlatformTransactionManager tm, SourceItemReader sourceItemReader,
                           RecordProcessor recordProcessor, StagingWriter stagingWriter,
                           RunBookkeeping bookkeeping, @Value("${hub.extract.chunk-size:1000}") int chunkSize) {
        return new StepBuilder("extractSource", jobRepository)
                .<ReadItem, CanonicalRecord>chunk(chunkSize)
                .transactionManager(tm)
                .reader(sourceItemReader)
                .processor(recordProcessor)
                .writer(stagingWriter)
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution stepExecution) {
                        return bookkeeping.unreadableMessage(stepExecution.getJobExecution().getJobInstance().getInstanceId(),
                                        stepExecution.getExecutionContext().getString(ExtractPartitioner.SOURCE_ID))
                                .map(m -> new ExitStatus(UNREADABLE, m)).orElse(stepExecution.getExitStatus());
                    }
                })
                .build();
    }

    @Bean
    @StepScope
    ExtractPartitioner extractPartitioner(JobsConfigProvider configs, RunBookkeeping bookkeeping,
                                          @Value("#{jobParameters['configDir']}") String configDir,
                                          @Value("#{jobParameters['scopeSources']}") String scopeSources,
                                          @Value("#{jobParameters['scopeEntity']}") String scopeEntity,
                                          @Value("#{jobParameters['date']}") LocalDate runDate,
                                          @Value("${hub.extract.parallelism:2}") int parallelism) {
        return new ExtractPartitioner(configs.get(configDir), scopeSources, bookkeeping, runDate, scopeEntity, parallelism);
    }

    /**
     * The extract: its partitions run here on {@code hub.extract.parallelism} threads, or, when a broker is configured,
     * on the workers that take them from it ({@link cn.hunan.hrss.employmenthub.job.remote.RemotePartitions}).
     */
    @Bean
    Step extractStep(JobRepository jobRepository, Step extractSourceStep, ExtractPartitioner extractPartitioner,
                     @Value("${hub.extract.parallelism:2}") int parallelism,
                     org.springframework.beans.factory.ObjectProvider<PartitionHandler> remote) {
        PartitionHandler handler = remote.getIfAvailable();
        if (handler != null) {
            log.info("extract: partitions go to the workers through the broker");
            return new StepBuilder("extract", jobRepository)
                    .partitioner(extractSourceStep.getName(), extractPartitioner)
                    .partitionHandler(handler)
                    .build();
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("extract-");
        executor.setConcurrencyLimit(parallelism);
        return new StepBuilder("extract", jobRepository)
                .partitioner(extractSourceStep.getName(), extractPartitioner)
                .step(extractSourceStep)
                .gridSize(parallelism)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step prepareStep(JobRepository jobRepository, PlatformTransactionManager tm, RunBookkeeping bookkeeping,
                     JobsConfigProvider configs) {
        return tasklet("prepare", jobRepository, tm, (contribution, chunk) -> {
            JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
            configs.reset();
            bookkeeping.begin(runId(chunk), job.getJobParameters().getLocalDate("date"));
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step limitsStep(JobRepository jobRepository, PlatformTransactionManager tm, ErrorLimits limits, JobsConfigProvider configs) {
        return tasklet("limits", jobRepository, tm, (contribution, chunk) -> {
            ErrorLimits.Verdict verdict = limits.apply(runId(chunk), configs.get(configDir(chunk)));
            verdict.messages().forEach(log::warn);
            return RepeatStatus.FINISHED;
        });
    }

    /** The merge, one entity per transaction, each committed with the step's progress. */
    @Bean
    Step mergeStep(JobRepository jobRepository, PlatformTransactionManager tm, GoldenMerger merger, JobsConfigProvider configs) {
        List<EntityType> entities = List.of(EntityType.values());
        return tasklet("merge", jobRepository, tm, new PartByPartTasklet("merge", entities.stream().map(EntityType::key).toList(),
                (step, i) -> {
                    long runId = step.getJobExecution().getJobInstance().getInstanceId();
                    if (i == 0) {
                        merger.begin(runId);
                    }
                    String configDir = step.getJobExecution().getJobParameters().getString("configDir");
                    merger.merge(runId, step.getJobExecution().getJobParameters().getLocalDate("date"), entities.get(i),
                            MergeSettings.of(configs.get(configDir).defaults()));
                }));
    }

    @Bean
    Step reconcileStep(JobRepository jobRepository, PlatformTransactionManager tm, Reconciler reconciler,
                       JobsConfigProvider configs) {
        return tasklet("reconcile", jobRepository, tm, (contribution, chunk) -> {
            List<String[]> expected = new ArrayList<>();
            for (SourceDefinition s : configs.get(configDir(chunk)).enabledSources()) {
                for (EntityMapping m : s.entities()) {
                    if (expected.stream().noneMatch(e -> e[0].equals(s.id()) && e[1].equals(m.entity()))) {
                        expected.add(new String[] {s.id(), m.entity()});
                    }
                }
            }
            List<Reconciliation> rows = reconciler.reconcile(runId(chunk), expected);
            log.info("reconciliation of run {}:\n{}", runId(chunk), SummaryTable.format(rows));
            List<Reconciliation> broken = rows.stream().filter(r -> !r.balanced()).toList();
            if (!broken.isEmpty()) {
                throw new IllegalStateException("reconciliation failed: read differs from loaded + merged + quarantined for "
                        + broken.stream().map(r -> r.sourceId() + "/" + r.entity()).toList());
            }
            return RepeatStatus.FINISHED;
        });
    }

    /**
     * The marts, one file per transaction, each committed with the step's progress; the first part also fixes the
     * refresh's scope (the counties the run touched), kept under the run's id until the last file is done.
     */
    @Bean
    Step martStep(JobRepository jobRepository, PlatformTransactionManager tm, MartRefresher marts) {
        List<String> files = marts.files();
        return tasklet("marts", jobRepository, tm, new PartByPartTasklet("marts", files, (step, i) -> {
            long runId = step.getJobExecution().getJobInstance().getInstanceId();
            if (i == 0) {
                log.info("marts: refreshing {} county scope(s)", marts.scopeAfter(runId));
            }
            marts.runFile(files.get(i), runId);
            if (i == files.size() - 1) {
                marts.endScope(runId);
            }
        }));
    }

    @Bean
    Step finishStep(JobRepository jobRepository, PlatformTransactionManager tm, RunBookkeeping bookkeeping,
                    ErrorLimits limits) {
        return tasklet("finish", jobRepository, tm, (contribution, chunk) -> {
            long runId = runId(chunk);
            bookkeeping.commitWatermarks(runId);
            List<String> failed = limits.failureMessages(runId);
            bookkeeping.finish(runId, failed.isEmpty() ? "SUCCEEDED" : "PARTIAL", failed.isEmpty() ? null : String.join("; ", failed));
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step prepareStep, Step extractStep, Step limitsStep, Step mergeStep,
                   Step reconcileStep, Step martStep, Step finishStep, RunBookkeeping bookkeeping, ErrorLimits limits,
                   GracefulStop gracefulStop) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(gracefulStop)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        long runId = execution.getJobInstance().getInstanceId();
                        if (ExitStatus.COMPLETED.getExitCode().equals(execution.getExitStatus().getExitCode())) {
                            List<String> failed = limits.failureMessages(runId);
                            if (!failed.isEmpty()) {
                                execution.setExitStatus(new ExitStatus(PARTIAL, String.join("; ", failed)));
                            }
                            // also here, not only in the finish step: a restart after a crash past that step runs no step
                            bookkeeping.finish(runId, failed.isEmpty() ? "SUCCEEDED" : "PARTIAL",
                                    failed.isEmpty() ? null : String.join("; ", failed));
                        } else {
                            String why = execution.getAllFailureExceptions().stream().map(Throwable::getMessage)
                                    .findFirst().orElse(execution.getExitStatus().getExitDescription());
                            bookkeeping.finish(runId, execution.getStatus() == BatchStatus.STOPPED ? "STOPPED" : "FAILED", why);
                        }
                    }
                })
                .start(prepareStep)
                .next(extractStep)
                .next(limitsStep)
                .next(mergeStep)
                .next(reconcileStep)
                .next(martStep)
                .next(finishStep)
                .build();
    }

    private static Step tasklet(String name, JobRepository repo, PlatformTransactionManager tm, Tasklet tasklet) {
        return new StepBuilder(name, repo).tasklet(tasklet, tm).build();
    }

    static String configDir(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getJobParameters().getString("configDir");
    }

    static LocalDate runDate(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getJobParameters().getLocalDate("date");
    }

    static long runId(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
    }
}
