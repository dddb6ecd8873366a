package cn.hunan.hrss.employmenthub.job;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import cn.hunan.hrss.employmenthub.source.SourceAdapter;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKinds;
import cn.hunan.hrss.employmenthub.warehouse.RunBookkeeping;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a source must read in a run, and how that is written into a partition's context: the units (files, sheets,
 * tables or key ranges of a table) with their fingerprints, so that a partition reads exactly the units it was given,
 * on this machine or a worker's, first time and on restart.
 */
final class UnitPlan {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A unit as a partition's context holds it; the mapping by its place in the source's {@code entities}. */
    record Stored(String entity, int mapping, String label, String file, String fingerprint, String part) {
    }

    private UnitPlan() {
    }

    /** The units of a source for this run (a reprocess adds the gone files it landed before), in reading order. */
    static List<ExtractUnit> of(SourceDefinition source, JobsConfig config, SourceAdapter adapter, RunBookkeeping bookkeeping,
                                LocalDate runDate, boolean reprocess, String scopeEntity) {
        List<ExtractUnit> plan = new ArrayList<>(adapter.plan(source, config, bookkeeping, runDate).stream()
                .filter(u -> scopeEntity == null || u.entity().key().equals(scopeEntity)).toList());
        if (reprocess && SourceKinds.get(source.kind()).readsFiles()) {
            plan.addAll(GoneFiles.plan(source, config, bookkeeping, plan, scopeEntity));
        }
        return plan;
    }

    /** Each unit that can be cut (a table with a {@code split-pk}) cut into up to {@code parts} units. */
    static List<ExtractUnit> cut(SourceDefinition source, SourceAdapter adapter, List<ExtractUnit> plan, LocalDate runDate,
                                 int parts) {
        List<ExtractUnit> out = new ArrayList<>();
        for (ExtractUnit u : plan) {
            try {
                out.addAll(adapter.split(source, u, runDate, parts));
            } catch (Exception e) {
                throw new IllegalStateException(u.label() + " cannot be cut into key ranges: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Deals the units into at most {@code parts} groups of about equal bytes (largest first, each to the lightest
     * group; a table counts as one byte), each group in the plan's order.
     */
    static List<List<ExtractUnit>> split(List<ExtractUnit> plan, int parts) {
        int n = Math.max(1, Math.min(parts, plan.size()));
        List<List<Integer>> groups = new ArrayList<>();
        long[] weight = new long[n];
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            order.add(i);
        }
        long[] size = plan.stream().mapToLong(UnitPlan::size).toArray();
        order.sort(Comparator.comparingLong((Integer i) -> -size[i]).thenComparing(i -> i));
        for (int i : order) {
            int lightest = 0;
            for (int g = 1; g < n; g++) {
                if (weight[g] < weight[lightest] || weight[g] == weight[lightest] && groups.get(g).size() < groups.get(lightest).size()) {
                    lightest = g;
                }
            }
            groups.get(lightest).add(i);
            weight[lightest] += size[i];
        }
        return groups.stream().filter(g -> !g.isEmpty()).map(g -> g.stream().sorted().map(plan::get).toList()).toList();
    }

    private static long size(ExtractUnit u) {
        try {
            return u.file() == null ? 1 : Math.max(1, Files.size(u.file()));
        } catch (java.io.IOException e) {
            return 1;
        }
    }

    static String write(SourceDefinition source, List<ExtractUnit> units) {
        try {
            return JSON.writeValueAsString(units.stream().map(u -> new Stored(u.entity().key(), source.entities().indexOf(u.mapping()),
                    u.label(), u.file() == null ? null : u.file().toString(), u.fingerprint(), u.part())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ExtractUnit> read(SourceDefinition source, String stored) {
        try {
            return Arrays.stream(JSON.readValue(stored, Stored[].class)).map(s -> {
                EntityMapping m = source.entities().get(s.mapping());
                return new ExtractUnit(EntityType.byKey(s.entity()).orElseThrow(), m, s.label(),
                        s.file() == null ? null : Path.of(s.file()), s.fingerprint(), s.part());
            }).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a partition's units cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
