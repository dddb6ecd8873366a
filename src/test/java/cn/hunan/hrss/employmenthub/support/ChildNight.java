package cn.hunan.hrss.employmenthub.support;

import cn.hunan.hrss.employmenthub.EmploymentHubApplication;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, as an operator starts it, so that a test can kill it (SIGKILL), stop it
 * (SIGTERM) or start two at once. Its output goes to a file.
 */
public final class ChildNight {

    private final Process process;
    private final Path log;

    private ChildNight(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java ... EmploymentHubApplication args} with {@code env} added to this JVM's environment. */
    public static ChildNight start(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EmploymentHubApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.directory(new File("."));
        return new ChildNight(pb.start(), log);
    }

    public Process process() {
        return process;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the JVM dies at once, as on a power loss; nothing of it runs any more. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM: an orderly shutdown, as a service manager sends. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; returns its exit code. */
    public int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child did not end within " + seconds + " s; its log: " + log);
        }
        return process.exitValue();
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
