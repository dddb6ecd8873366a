package cn.hunan.hrss.employmenthub.operations;

import cn.hunan.hrss.employmenthub.system.Plugins;
import java.util.List;
import java.util.Optional;

/** The test kit's commands on the class path (none when the kit is left out of a build). */
public final class Tools {

    private static volatile List<Tool> tools;

    private Tools() {
    }

    public static Optional<Tool> find(CommandLine cl) {
        List<Tool> all = tools;
        if (all == null) {
            all = Plugins.find(Tool.class, "cn.hunan.hrss.employmenthub");
            tools = all;
        }
        return all.stream().filter(t -> t.handles(cl)).findFirst();
    }
}
