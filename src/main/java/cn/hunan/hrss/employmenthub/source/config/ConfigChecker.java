package cn.hunan.hrss.employmenthub.source.config;

import cn.hunan.hrss.employmenthub.record.CodeTables;
import cn.hunan.hrss.employmenthub.record.Dates;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Field;
import cn.hunan.hrss.employmenthub.record.FieldType;
import cn.hunan.hrss.employmenthub.record.Regions;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The meaning checks that binding cannot do: required keys per kind, known entities, fields and code
 * tables, readable paths, real division codes, parseable date formats, unique ids.
 */
final class ConfigChecker {

    private final Path configDir;
    private final Defaults defaults;

    ConfigChecker(Path configDir, Defaults defaults) {
        this.configDir = configDir;
        this.defaults = defaults;
    }

    void check(List<SourceDefinition> sources, List<ConfigProblem> problems, List<ConfigProblem> warnings) {
        checkDateFormats("defaults.yml", "date-formats", defaults.dateFormats(), problems);
        if (defaults.chunkSize() != null && (defaults.chunkSize() < 1 || defaults.chunkSize() > 100_000)) {
            problems.add(new ConfigProblem("defaults.yml", "chunk-size", "must be 1 to 100000 records"));
        }
        if (defaults.parallelism() != null && (defaults.parallelism() < 1 || defaults.parallelism() > 64)) {
            problems.add(new ConfigProblem("defaults.yml", "parallelism", "must be 1 to 64 partitions at once"));
        }
        Set<String> ids = new HashSet<>();
        for (SourceDefinition s : sources) {
            String file = configDir.getParent().relativize(s.configFile()).toString();
            new SourceCheck(s, file, problems, warnings).run();
            RefsChecker.check(s, sources, (key, message) -> problems.add(new ConfigProblem(file, key, message)));
            if (s.id() != null && !ids.add(s.id())) {
                problems.add(new ConfigProblem(file, "id", "duplicate source id '" + s.id() + "'"));
            }
        }
        checkSurvivorship(ids, problems, warnings);
        checkMatching(problems);
        checkSchedule(problems);
    }

    private void checkSchedule(List<ConfigProblem> problems) {
        Defaults.Schedule schedule = defaults.schedule();
        if (schedule == null) {
            return;
        }
        if (schedule.cron() != null && !org.springframework.scheduling.support.CronExpression.isValidExpression(schedule.cron())) {
            problems.add(new ConfigProblem("defaults.yml", "schedule.cron", "'" + schedule.cron() + "' is not a cron "
                    + "expression of six fields (second minute hour day month weekday), e.g. '0 0 2 * * *'"));
        }
        try {
            schedule.zoneId();
        } catch (java.time.DateTimeException e) {
            problems.add(new ConfigProblem("defaults.yml", "schedule.zone", "unknown time zone '" + schedule.zone()
                    + "' (e.g. Asia/Shanghai)"));
        }
        if (schedule.catchUpDays() != null && (schedule.catchUpDays() < 0 || schedule.catchUpDays() > 31)) {
            problems.add(new ConfigProblem("defaults.yml", "schedule.catch-up-days", "must be 0 to 31"));
        }
    }

    private void checkMatching(List<ConfigProblem> problems) {
        Defaults.Matching m = defaults.matching();
        if (m == null) {
            return;
        }
        if (m.model() != null && !Defaults.Matching.MODELS.contains(m.model())) {
            problems.add(new ConfigProblem("defaults.yml", "matching.model", "unknown model " + m.model() + "; known: "
                    + String.join(", ", Defaults.Matching.MODELS)));
        }
        if (m.autoMerge() != null && m.review() != null && m.autoMerge() < m.review()) {
            problems.add(new ConfigProblem("defaults.yml", "matching.auto-merge", m.autoMerge() + " is below review "
                    + m.review() + " (a review must score less than a merge)"));
        }
        probability(m.autoMergeProbability(), "matching.auto-merge-probability", problems);
        probability(m.reviewProbability(), "matching.review-probability", problems);
        if (m.autoMergeProbability() != null && m.reviewProbability() != null
                && m.autoMergeProbability() < m.reviewProbability()) {
            problems.add(new ConfigProblem("defaults.yml", "matching.auto-merge-probability", m.autoMergeProbability()
                    + " is below review-probability " + m.reviewProbability() + " (a review must be less likely than a merge)"));
        }
        if (m.rivalMargin() != null && m.rivalMargin() < 0) {
            problems.add(new ConfigProblem("defaults.yml", "matching.rival-margin", "must be 0 or more (bits of match weight)"));
        }
        if (m.weights() != null) {
            m.weights().forEach((outcome, points) -> {
                if (!Defaults.Matching.DEFAULT_WEIGHTS.containsKey(outcome)) {
                    problems.add(new ConfigProblem("defaults.yml", "matching.weights." + outcome, "unknown comparison; known: "
                            + String.join(", ", Defaults.Matching.DEFAULT_WEIGHTS.keySet())));
                } else if (points == null) {
                    problems.add(new ConfigProblem("defaults.yml", "matching.weights." + outcome, "needs a whole number of points"));
                }
            });
        }
        if (m.probabilities() != null) {
            m.probabilities().forEach((level, p) -> {
                String key = "matching.probabilities." + level;
                if (!Defaults.Matching.DEFAULT_PROBABILITIES.containsKey(level)) {
                    problems.add(new ConfigProblem("defaults.yml", key, "unknown comparison level; known: "
                            + String.join(", ", Defaults.Matching.DEFAULT_PROBABILITIES.keySet())));
                } else if (p == null) {
                    problems.add(new ConfigProblem("defaults.yml", key, "needs m and/or u, e.g. {m: 0.8, u: 0.001}"));
                } else {
                    probability(p.m(), key + ".m", problems);
                    probability(p.u(), key + ".u", problems);
                }
            });
        }
    }

    /** A probability strictly between 0 and 1, where one is given. */
    private static void probability(Double p, String key, List<ConfigProblem> problems) {
        if (p != null && !(p > 0 && p < 1)) {
            problems.add(new ConfigProblem("defaults.yml", key, p + " is not a probability strictly between 0 and 1"));
        }
    }

    /** Every {@code survivorship.<entity>.<field>} names a known entity, one of its fields and known sources. */
    private void checkSurvivorship(Set<String> sourceIds, List<ConfigProblem> problems, List<ConfigProblem> warnings) {
        defaults.survivorshipOrEmpty().forEach((entity, fields) -> {
            String key = "survivorship." + entity;
            Optional<EntityType> e = EntityType.byKey(entity);
            if (e.isEmpty()) {
                problems.add(new ConfigProblem("defaults.yml", key, "unknown entity '" + entity + "'"));
                return;
            }
            (fields == null ? Map.<String, List<String>>of() : fields).forEach((field, patterns) -> {
                boolean settled = e.get().attributeFields().stream().anyMatch(f -> f.name().equals(field));
                if (!settled) {
                    problems.add(new ConfigProblem("defaults.yml", key + "." + field, "not a field of " + entity
                            + " that survivorship settles (match fields and derived fields are not)"));
                    return;
                }
                List<String> list = patterns == null ? List.of() : patterns;
                for (int i = 0; i < list.size(); i++) {
                    String p = list.get(i);
                    if (p == null || !Defaults.SOURCE_PATTERN.matcher(p).matches()) {
                        problems.add(new ConfigProblem("defaults.yml", key + "." + field + "[" + i + "]",
                                "not a source id or pattern (letters, digits, - _ . and * only): " + p));
                    } else if (sourceIds.stream().noneMatch(id -> Defaults.namesSource(p, id))) {
                        warnings.add(new ConfigProblem("defaults.yml", key + "." + field + "[" + i + "]",
                                "names no source system configured here: '" + p + "' (it counts once such a source is added)"));
                    }
                }
            });
        });
    }

    private static void checkDateFormats(String file, String key, List<String> formats, List<ConfigProblem> problems) {
        if (formats == null) {
            return;
        }
        for (int i = 0; i < formats.size(); i++) {
            try {
                Dates.formatter(formats.get(i));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(file, key + "[" + i + "]", "'" + formats.get(i) + "' is not a date pattern: " + e.getMessage()
                        + " (letters are pattern letters: quote literal text, e.g. yyyy-MM-dd'T'HH:mm)"));
            }
        }
    }

    private final class SourceCheck {
        private final SourceDefinition s;
        private final String file;
        private final List<ConfigProblem> problems;
        private final List<ConfigProblem> warnings;

        SourceCheck(SourceDefinition s, String file, List<ConfigProblem> problems, List<ConfigProblem> warnings) {
            this.s = s;
            this.file = file;
            this.problems = problems;
            this.warnings = warnings;
        }

        void problem(String key, String message) {
            problems.add(new ConfigProblem(file, key, message));
        }

        void run() {
            if (s.id() == null || !s.id().matches("[a-z0-9][a-z0-9-]{1,62}")) {
                problem("id", s.id() == null ? "missing" : "must be lowercase letters, digits and dashes (2-63)");
            }
            if (s.kind() == null || s.kind().name() == null) {
                problem("kind", "missing: one of " + String.join(", ", SourceKinds.names()));
                return;
            }
            if (SourceKinds.find(s.kind()).isEmpty()) {
                problem("kind", "unknown kind '" + s.kind() + "' (one of " + String.join(", ", SourceKinds.names()) + ")");
                return;
            }
            if (s.region() == null) {
                problem("region", "missing: the division code of the county, city or province the system covers");
            } else if (Regions.hunan().find(s.region()).filter(r -> !r.level().equals("township")
                    && !r.level().equals("village")).isEmpty()) {
                problem("region", "'" + s.region() + "' is not a Hunan province, city or county code");
            }
            if (s.parallelism() != null && (s.parallelism() < 1 || s.parallelism() > 64)) {
                problem("parallelism", "must be 1 to 64 partitions (units read at once)");
            }
            if (s.priority() != null && s.priority() < 0) {
                problem("priority", "must be 0 or more (lower wins)");
            }
            checkDateFormats(file, "date-formats", s.dateFormats(), problems);
            SourceKinds.get(s.kind()).check(s, configDir, new KindRules.Report() {
                @Override
                public void problem(String key, String message) {
                    SourceCheck.this.problem(key, message);
                }

                @Override
                public void warning(String key, String message) {
                    warnings.add(new ConfigProblem(file, key, message));
                }
            });
            if (s.entities() == null || s.entities().isEmpty()) {
                problem("entities", "missing: list at least one entity this system delivers");
                return;
            }
            for (int i = 0; i < s.entities().size(); i++) {
                checkEntity("entities[" + i + "]", s.entities().get(i));
            }
        }

        private void checkEntity(String key, EntityMapping m) {
            EntityType type = m.entity() == null ? null : EntityType.byKey(m.entity()).orElse(null);
            if (type == null) {
                problem(key + ".entity", (m.entity() == null ? "missing" : "unknown entity '" + m.entity() + "'")
                        + " (one of " + List.of(EntityType.values()).stream().map(EntityType::key).toList() + ")");
                return;
            }
            Map<String, String> columns = m.columns() == null ? Map.of() : m.columns();
            Map<String, String> constants = m.constants() == null ? Map.of() : m.constants();
            for (String field : columns.keySet()) {
                if (type.field(field).isEmpty()) {
                    problem(key + ".columns." + field, "unknown field '" + field + "' of " + type.key() + " (fields: "
                            + type.fields().stream().map(Field::name).toList() + ")");
                }
            }
            for (Map.Entry<String, String> constant : constants.entrySet()) {
                String field = constant.getKey();
                if (type.field(field).isEmpty()) {
                    problem(key + ".constants." + field, "unknown field '" + field + "' of " + type.key());
                } else {
                    checkConstant(key + ".constants." + field, type.field(field).get(), constant.getValue(),
                            m.values() == null ? null : m.values().get(field));
                }
            }
            for (Field f : type.fields()) {
                if (f.required() && !columns.containsKey(f.name()) && !constants.containsKey(f.name())
                        && (m.refs() == null || !m.refs().containsKey(f.name()))) {
                    problem(key + ".columns", "required field '" + f.name() + "' of " + type.key() + " is not mapped");
                }
            }
            if (m.key() != null) {
                RefsChecker.personalField(type, m, m.key()).ifPresent(f -> problem(key + ".key", "'" + m.key()
                        + "' is also mapped to " + f + ": a key of personal data would be kept in clear in the "
                        + "cross-reference; leave key out, the " + f + " already identifies the record"));
            }
            if (m.values() != null) {
                m.values().forEach((field, map) -> checkValues(key + ".values." + field, type, field, map));
            }
            if (m.skipRows() != null && m.skipRows().pattern() != null) {
                try {
                    Pattern.compile(m.skipRows().pattern());
                } catch (PatternSyntaxException e) {
                    problem(key + ".skip-rows.pattern", "not a regular expression: " + e.getDescription());
                }
            }
        }

        /**
         * A constant of a code field must be what a record's value would have to be: a code of its table, a label or
         * synonym the table knows, or a value mapped under {@code values} for that field.
         */
        private void checkConstant(String key, Field f, String value, Map<String, String> mapped) {
            if ((f.type() != FieldType.CODE && f.type() != FieldType.CODES) || f.arg() == null || !CodeTables.exists(f.arg())
                    || value == null) {
                return;
            }
            List<String> parts = f.type() == FieldType.CODES ? List.of(value.split("[,、;|\\s]+")) : List.of(value.strip());
            for (String part : parts) {
                boolean known = CodeTables.isCode(f.arg(), part) || CodeTables.lookup(f.arg(), part).isPresent()
                        || mapped != null && mapped.containsKey(part);
                if (!part.isEmpty() && !known) {
                    problem(key, "'" + part + "' is not a code of table " + f.arg() + " (codes: "
                            + CodeTables.codes(f.arg()).keySet() + ")");
                }
            }
        }

        private void checkValues(String key, EntityType type, String field, Map<String, String> map) {
            Field f = type.field(field).orElse(null);
            if (f == null) {
                problem(key, "unknown field '" + field + "' of " + type.key());
            } else if (f.type() == FieldType.REGION) {
                (map == null ? Map.<String, String>of() : map).forEach((from, to) -> {
                    if (Regions.hunan().find(to).filter(r -> Regions.levelMatches(r, f.arg())).isEmpty()) {
                        problem(key + "." + from, "'" + to + "' is not a Hunan division code" + (f.arg() == null
                                || "any".equals(f.arg()) ? "" : " of level " + f.arg()));
                    }
                });
            } else if (f.type() != FieldType.CODE && f.type() != FieldType.CODES && f.type() != FieldType.BOOLEAN) {
                problem(key, "field '" + field + "' is not coded; value mappings apply to code, yes/no and region fields only");
            } else if (f.arg() != null && !CodeTables.exists(f.arg())) {
                problem(key, "unknown code table '" + f.arg() + "'");
            } else if (map != null && f.arg() != null) {
                map.forEach((from, to) -> {
                    if (!CodeTables.isCode(f.arg(), to)) {
                        problem(key + "." + from, "'" + to + "' is not a code of table " + f.arg() + " (codes: "
                                + CodeTables.codes(f.arg()).keySet() + ")");
                    }
                });
            }
        }
    }
}
