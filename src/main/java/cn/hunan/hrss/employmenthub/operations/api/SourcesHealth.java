package cn.hunan.hrss.employmenthub.operations.api;

import cn.hunan.hrss.employmenthub.source.SourceAdapters;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.system.PiiMasker;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code sources}: each enabled source reachable now, within its own timeouts (a
 * database accepts a login and answers; a file source's folders exist). Down when any is not, naming it and why.
 */
@Component("sources")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SourcesHealth implements HealthIndicator {

    private final Path configDir;

    public SourcesHealth(@Value("${hub.config-dir:jobs-config}") String configDir) {
        this.configDir = Path.of(configDir);
    }

    @Override
    public Health health() {
        JobsConfig config;
        try {
            config = ConfigLoader.withSystemEnvironment().load(configDir);
        } catch (RuntimeException e) {
            return Health.down().withDetail("jobs-config", PiiMasker.mask(String.valueOf(e.getMessage()))).build();
        }
        Map<String, String> details = new LinkedHashMap<>();
        boolean up = true;
        for (SourceDefinition s : config.enabledSources()) {
            String problem = problem(s, config);
            details.put(s.id(), problem == null ? "reachable" : problem);
            up &= problem == null;
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private static String problem(SourceDefinition s, JobsConfig config) {
        try {
            return SourceAdapters.plugin(s.kind()).unreachable(s, config.dir());
        } catch (Exception e) {
            return "unreachable: " + PiiMasker.mask(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
