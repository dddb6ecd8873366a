package cn.hunan.hrss.employmenthub.operations;

import java.io.PrintStream;
import org.springframework.context.ApplicationContext;

/**
 * A command of the test kit ({@code generate}, {@code matches --truth}): found on the class path ({@link Tools}), so
 * that no production class imports the test kit, and run as the command line asks.
 */
public interface Tool {

    /** Whether this tool runs the command line. */
    boolean handles(CommandLine cl);

    /** Whether it needs the warehouse: then it runs in the application's context, else before it starts. */
    boolean needsWarehouse();

    /** Runs the command; {@code context} is null for a tool that needs no warehouse. Returns the exit code. */
    int run(CommandLine cl, PrintStream out, ApplicationContext context) throws Exception;
}
