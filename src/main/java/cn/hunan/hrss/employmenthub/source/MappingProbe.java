package cn.hunan.hrss.employmenthub.source;

import cn.hunan.hrss.employmenthub.source.config.ConfigProblem;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code check-config --connect}: checks every mapping against the live source before a night. Each enabled
 * source is reached with its own credentials and timeouts; every column a mapping names (and a database entity's
 * updated-at column) must be among the unit's columns: a table's or query's result columns (read without a row),
 * a file's headers, the paths of a JSON file's first records.
 */
public final class MappingProbe {

    /** Records looked at per file for the columns it has (JSON paths may differ from record to record). */
    static final int SAMPLE = 200;

    private MappingProbe() {
    }

    public static List<ConfigProblem> check(JobsConfig config, LocalDate runDate) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (SourceDefinition source : config.enabledSources()) {
            String file = config.dir().relativize(source.configFile()).toString();
            SourceAdapter adapter = SourceAdapters.forKind(source.kind());
            try {
                List<ExtractUnit> units = adapter.plan(source, config, Watermarks.NONE, runDate);
                for (ExtractUnit unit : units) {
                    Set<String> have = adapter.columns(source, config, unit, runDate, SAMPLE);
                    problems.addAll(missing(file, source, unit, have));
                }
            } catch (Exception e) {
                problems.add(new ConfigProblem(file, "", "cannot be reached: " + e.getClass().getSimpleName() + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            } finally {
                try {
                    adapter.close();
                } catch (Exception ignored) {
                    // nothing more to check on it
                }
            }
        }
        return problems;
    }

    private static List<ConfigProblem> missing(String file, SourceDefinition source, ExtractUnit unit, Set<String> have) {
        Set<String> lower = have.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        EntityMapping m = unit.mapping();
        int index = source.entities().indexOf(m);
        List<ConfigProblem> out = new ArrayList<>();
        if (have.isEmpty()) {
            return out;
        }
        if (m.columns() != null) {
            for (Map.Entry<String, String> c : m.columns().entrySet()) {
                if (!lower.contains(c.getValue().toLowerCase(Locale.ROOT))) {
                    out.add(new ConfigProblem(file, "entities[" + index + "].columns." + c.getKey(), "column '" + c.getValue()
                            + "' is not in " + unit.label() + " (it has " + have + ")"));
                }
            }
        }
        if (m.refs() != null) {
            m.refs().forEach((field, ref) -> {
                if (ref != null && ref.key() != null && !lower.contains(ref.key().toLowerCase(Locale.ROOT))) {
                    out.add(new ConfigProblem(file, "entities[" + index + "].refs." + field + ".key", "column '" + ref.key()
                            + "' is not in " + unit.label() + " (it has " + have + ")"));
                }
            });
        }
        if (m.updatedAt() != null && !lower.contains(m.updatedAt().toLowerCase(Locale.ROOT))) {
            out.add(new ConfigProblem(file, "entities[" + index + "].updated-at", "column '" + m.updatedAt() + "' is not in "
                    + unit.label() + " (it has " + have + ")"));
        }
        return out;
    }
}
