package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.warehouse.RunBookkeeping;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a reprocess, the files of a source that an earlier run landed, that are gone from disk now and that no unit of
 * the plan reads: each becomes a unit read from the landing area ({@link LandingCursor}), under the mapping whose path
 * matches it. A workbook's sheet ({@code file#sheet}) is gone when its workbook is.
 */
final class GoneFiles {

    private static final Logger log = LoggerFactory.getLogger(GoneFiles.class);

    private GoneFiles() {
    }

    static List<ExtractUnit> plan(SourceDefinition source, JobsConfig config, RunBookkeeping bookkeeping, List<ExtractUnit> plan,
                                  String scopeEntity) {
        List<ExtractUnit> out = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        plan.forEach(u -> planned.add(u.label()));
        for (EntityMapping m : source.entities()) {
            EntityType entity = EntityType.byKey(m.entity()).orElseThrow();
            if (scopeEntity != null && !scopeEntity.equals(entity.key()) || m.path() == null) {
                continue;
            }
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + m.path());
            bookkeeping.landedFiles(source.id(), entity.key()).forEach((label, landedBy) -> {
                String file = Files.exists(config.dir().resolve(label)) ? label : ExtractUnit.fileOf(label);
                if (!planned.contains(label) && glob.matches(Path.of(file)) && !Files.exists(config.dir().resolve(file))) {
                    log.info("source {}: {} is gone; read again from the landing area (run {})", source.id(), label, landedBy);
                    out.add(new ExtractUnit(entity, m, label, null, LandingCursor.PREFIX + landedBy));
                    planned.add(label);
                }
            });
        }
        return out;
    }
}
