package cn.hunan.hrss.employmenthub.job;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A set-based step done one part at a time (an entity of the merge, a file of the marts): each call does one part
 * in the step's transaction and records, in the same transaction, that it is done. A restarted step continues
 * with the first part not committed; a part is never half applied. Between parts the step can be stopped.
 */
final class PartByPartTasklet implements Tasklet {

    /** Does part {@code index} of the run's step, in the caller's transaction. */
    interface Part {
        void run(StepExecution step, int index) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(PartByPartTasklet.class);

    private final String name;
    private final List<String> parts;
    private final Part part;

    PartByPartTasklet(String name, List<String> parts, Part part) {
        this.name = name;
        this.parts = parts;
        this.part = part;
    }

    String progressKey() {
        return name + ".done";
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext progress = step.getExecutionContext();
        int next = progress.getInt(progressKey(), 0);
        // the context is carried over to a restart's new step execution: a different id there means an earlier attempt
        long attempt = progress.getLong(name + ".execution", step.getId());
        if (next > 0 && attempt != step.getId()) {
            log.info("{}: resuming after {} of {} part(s) committed by an earlier attempt", name, next, parts.size());
        }
        progress.putLong(name + ".execution", step.getId());
        if (next < parts.size()) {
            long started = System.nanoTime();
            part.run(step, next);
            log.info("{}: {} done in {} ms", name, parts.get(next), (System.nanoTime() - started) / 1_000_000);
            progress.putInt(progressKey(), next + 1);
        }
        return next + 1 < parts.size() ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }
}
