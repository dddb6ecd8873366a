package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.job.remote.PartitionWorker;
import cn.hunan.hrss.employmenthub.warehouse.KeyGuard;
import cn.hunan.hrss.employmenthub.warehouse.WarehouseMigrator;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code worker [--threads=N]}: migrates the warehouse if it is behind (Flyway's lock keeps one migration at a
 * time), checks the personal-data keys against the warehouse's, then takes the extract's
 * partitions from the broker until the process is told to stop (SIGTERM lets the partitions in hand finish, up to
 * {@code hub.worker.stop-timeout}).
 */
@Component
public class WorkerCommand {

    private final KeyGuard keys;
    private final WarehouseMigrator migrator;

    public WorkerCommand(KeyGuard keys, WarehouseMigrator migrator) {
        this.keys = keys;
        this.migrator = migrator;
    }

    public int run(ApplicationContext ctx, PrintStream out) throws InterruptedException {
        Environment env = ctx.getEnvironment();
        if (ctx.getBeanProvider(PartitionWorker.class).getIfAvailable() == null) {
            out.println("FAILED: a worker takes partitions from a broker, and none is configured: set SPRING_RABBITMQ_HOST "
                    + "(and _PORT, _USERNAME, _PASSWORD) to the RabbitMQ the manager uses");
            return ExitCodes.CONFIG;
        }
        Optional<String> keyProblem = keys.demoKeyProblem();
        if (keyProblem.isEmpty()) {
            migrator.migrate();
            keyProblem = keys.problem().or(keys::encryptionKeyProblem);
        }
        if (keyProblem.isPresent()) {
            out.println("FAILED: " + keyProblem.get());
            return ExitCodes.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "worker-stop"));
        ctx.getBean(PartitionWorker.INBOUND, Lifecycle.class).start();
        out.println("worker: taking partitions from queue '" + env.getProperty("hub.remote.queue", "hub.extract.partitions")
                + "' at " + env.getProperty("spring.rabbitmq.host") + ":" + env.getProperty("spring.rabbitmq.port", "5672")
                + ", " + env.getProperty("hub.worker.threads", "1") + " at a time; stop with SIGTERM");
        stopped.await();
        return ExitCodes.OK;
    }
}
