package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.Tool;
import java.io.PrintStream;
import org.springframework.context.ApplicationContext;

/** {@code generate}, as a command of the test kit: runs before any warehouse is opened. */
public final class GenerateTool implements Tool {

    @Override
    public boolean handles(CommandLine cl) {
        return cl.command().equals("generate");
    }

    @Override
    public boolean needsWarehouse() {
        return false;
    }

    @Override
    public int run(CommandLine cl, PrintStream out, ApplicationContext context) {
        return GenerateCommand.run(cl, out);
    }
}
