package cn.hunan.hrss.employmenthub.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Hunan division reference (National Bureau of Statistics 2023), bundled with the application:
 * 1 province, 14 cities, 134 counties, 2,008 townships, 29,534 villages and communities.
 */
public final class Regions {

    public static final String RESOURCE = "/regions/hunan-divisions-2023.csv";

    /** One division unit. */
    public record Region(String code, String name, String level, String kind, String parentCode) {
        public String countyCode() {
            return code.length() >= 6 ? code.substring(0, 6) : null;
        }

        public String cityCode() {
            return code.length() >= 4 ? code.substring(0, 4) : null;
        }
    }

    private static volatile Regions instance;

    private final Map<String, Region> byCode;
    private final List<Region> all;
    private volatile Map<String, List<Region>> byName;

    private Regions(List<Region> all) {
        this.all = Collections.unmodifiableList(all);
        this.byCode = new HashMap<>(all.size() * 2);
        all.forEach(r -> byCode.put(r.code(), r));
    }

    public static Regions hunan() {
        if (instance == null) {
            synchronized (Regions.class) {
                if (instance == null) {
                    instance = load();
                }
            }
        }
        return instance;
    }

    private static Regions load() {
        List<Region> rows = new ArrayList<>(32_000);
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] c = line.split(",", -1);
                rows.add(new Region(c[0], c[1], c[2], c[3], c[4].isEmpty() ? null : c[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new Regions(rows);
    }

    public List<Region> all() {
        return all;
    }

    /**
     * Normalises a code: statistical 12-digit codes padded with zeros ({@code 430481000000}) become the code of
     * the unit they name ({@code 430481}).
     */
    public static String normalise(String code) {
        String c = Text.compact(code);
        if (c == null) {
            return null;
        }
        if (c.length() == 12 && c.endsWith("000000")) {
            c = c.substring(0, 6);
        } else if (c.length() == 12 && c.endsWith("000")) {
            c = c.substring(0, 9);
        }
        if (c.length() == 6 && c.endsWith("00")) {
            c = c.endsWith("0000") ? c.substring(0, 2) : c.substring(0, 4);
        }
        return c;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(normalise(code)));
    }

    /**
     * The divisions within {@code scope} (a division code prefix) called {@code name}, as written in registers: the
     * unit's own name (真如庵村, 大市镇) or a village or community after its township's (大市镇真如庵村). Spaces are
     * ignored.
     */
    public List<Region> named(String name, String scope) {
        String key = name == null ? "" : name.replaceAll("\\s+", "");
        String prefix = normalise(scope) == null ? "" : normalise(scope);
        return byName().getOrDefault(key, List.of()).stream().filter(r -> r.code().startsWith(prefix)).toList();
    }

    /**
     * A unit's name and the short forms registers write for it: 金钩村 for 金钩村委会 or 金钩村民委员会, 城南社区 for
     * 城南社区居委会, 城南居委会 or 城南居民委员会.
     */
    public static List<String> spoken(String name) {
        List<String> out = new ArrayList<>(List.of(name));
        for (String[] suffix : SHORT_FORMS) {
            if (name.endsWith(suffix[0]) && name.length() > suffix[0].length()) {
                out.add(name.substring(0, name.length() - suffix[0].length()) + suffix[1]);
                break;
            }
        }
        return out;
    }

    private static final String[][] SHORT_FORMS = {{"社区居民委员会", "社区"}, {"社区居委会", "社区"}, {"村民委员会", "村"},
        {"村委会", "村"}, {"居民委员会", "社区"}, {"居委会", "社区"}};

    /** The unit's name after its township's and county's, for messages: 耒阳市大市镇真如庵村. */
    public String path(Region r) {
        StringBuilder out = new StringBuilder(r.name());
        Region up = r.parentCode() == null ? null : byCode.get(r.parentCode());
        while (up != null && !up.level().equals("city") && !up.level().equals("province")) {
            out.insert(0, up.name());
            up = up.parentCode() == null ? null : byCode.get(up.parentCode());
        }
        return out.toString();
    }

    private Map<String, List<Region>> byName() {
        Map<String, List<Region>> index = byName;
        if (index == null) {
            index = new HashMap<>(all.size() * 3);
            for (Region r : all) {
                Region parent = r.parentCode() == null ? null : byCode.get(r.parentCode());
                for (String name : spoken(r.name())) {
                    index.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
                    if (parent != null && parent.level().equals("township")) {
                        index.computeIfAbsent(parent.name() + name, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            byName = index;
        }
        return index;
    }

    /** Whether a unit's level satisfies a field's level requirement ({@code any} accepts every level). */
    public static boolean levelMatches(Region region, String wanted) {
        return wanted == null || "any".equals(wanted) || region.level().equals(wanted);
    }
}
