package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Loads jobs-config once per directory for the steps of a run (the command already checked it). */
@Component
public class JobsConfigProvider {

    private final Map<String, JobsConfig> loaded = new ConcurrentHashMap<>();

    public JobsConfig get(String configDir) {
        return loaded.computeIfAbsent(configDir, dir -> ConfigLoader.withSystemEnvironment().load(Path.of(dir)));
    }

    /** Forgets what was loaded, so the next run sees edited files. */
    public void reset() {
        loaded.clear();
    }
}
