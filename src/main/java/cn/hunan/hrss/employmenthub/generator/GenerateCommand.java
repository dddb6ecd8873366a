package cn.hunan.hrss.employmenthub.generator;

import cn.hunan.hrss.employmenthub.operations.CommandLine;
import java.io.PrintStream;

/** {@code generate}: placeholder until the generator lands. */
public final class GenerateCommand {
    private GenerateCommand() {
    }

    public static int run(CommandLine cl, PrintStream out) {
        throw new CommandLine.UsageException("generate is not available yet");
    }
}
