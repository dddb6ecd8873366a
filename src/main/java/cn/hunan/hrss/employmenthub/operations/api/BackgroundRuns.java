package cn.hunan.hrss.employmenthub.operations.api;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The nights and reprocesses that the API and the console accept (202): run one after the other on one thread of
 * the service, each ending in a log line with its exit code, or with why it failed (a held warehouse lock, a broken
 * configuration), which a caller who got 202 would otherwise never learn.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class BackgroundRuns implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRuns.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "accepted-run"));

    /** Runs {@code run} (returning an exit code) after those accepted before it. */
    public void submit(String what, Callable<Integer> run) {
        thread.submit(() -> {
            try {
                log.info("{} ended with exit code {}", what, run.call());
            } catch (Exception e) {
                log.error("{} was not done: {}", what, e.toString());
            }
        });
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
