package cn.hunan.hrss.employmenthub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.source.config.ConfigLoader;
import cn.hunan.hrss.employmenthub.source.config.JobsConfig;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preview} against an independent oracle, the night itself: on every source of the demo (which carries injected
 * defects of every kind), the rules preview lists per record are exactly those the night records in
 * {@code dq_violation} for that record (but for the merge's own), for the first N records and for all of them; it
 * writes nothing, and shows no ID number or phone in clear.
 */
class PreviewCommandTests extends H2WarehouseTest {

    private static final Pattern RECORD = Pattern.compile("^(\\S+):(\\d+)(?:  key \\S+)?  (ok|warning|rejected)(?:  (.*))?$");
    private static final Set<String> MERGE_RULES = Set.of(Rule.PLACEMENT_BEFORE_REGISTRATION.name());

    @TempDir
    Path dir;

    @Test
    void previewListsExactlyTheRulesTheNightFindsForTheSameRecords() throws Exception {
        // given
        Path config = copyDemo(dir);
        migrator.migrate();
        Printed night = nightlyCommand(config, "2023-12-31");
        assertThat(night.exit()).as(night.text()).isZero();
        JobsConfig jobs = ConfigLoader.withSystemEnvironment().load(config);
        long tablesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM landing_record", Long.class);

        for (SourceDefinition source : jobs.sources()) {
            // when: every record, then the first five of each entity
            String all = preview(jobs, source.id(), 100_000);
            String firstFive = preview(jobs, source.id(), 5);

            // then
            Map<String, Set<String>> previewed = rules(all);
            Map<String, Set<String>> night1 = nightRules(source.id(), previewed.keySet());
            assertThat(previewed).as(source.id()).isEqualTo(night1);
            assertThat(all).as(source.id()).containsPattern("\\d+ record\\(s\\): \\d+ would load");
            Map<String, Set<String>> five = rules(firstFive);
            assertThat(five.keySet()).as(source.id()).isSubsetOf(previewed.keySet());
            five.forEach((position, rules) -> assertThat(rules).as(position).isEqualTo(previewed.get(position)));
            long entities = source.entities().size();
            assertThat(five.size()).as(source.id()).isLessThanOrEqualTo((int) (5 * entities));
            assertThat(WarehouseSnapshot.plainPersonalData(all)).as(source.id()).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM landing_record", Long.class)).isEqualTo(tablesBefore);
    }

    @Test
    void anUnknownSourceIsAUsageErrorNamingTheSources() throws Exception {
        JobsConfig jobs = ConfigLoader.withSystemEnvironment().load(copyDemo(dir));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> preview(jobs, "430481-county", 5))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageStartingWith("no source '430481-county' (sources: [");
    }

    private static String preview(JobsConfig jobs, String source, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = PreviewCommand.run(new CommandLine("preview", Map.of("source", source, "limit", String.valueOf(limit),
                "date", "2023-12-31")), jobs, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Each previewed record's position and the rules named on its line. */
    private static Map<String, Set<String>> rules(String text) {
        Set<String> known = Arrays.stream(Rule.values()).map(Rule::name).collect(Collectors.toSet());
        Map<String, Set<String>> out = new TreeMap<>();
        String entity = null;
        for (String line : text.lines().toList()) {
            if (line.startsWith("== ")) {
                entity = line.substring(3, line.indexOf(' ', 3));
            }
            Matcher m = RECORD.matcher(line);
            if (m.matches()) {
                Set<String> rules = new TreeSet<>();
                if (m.group(4) != null) {
                    Matcher code = Pattern.compile("\\b[A-Z][A-Z0-9_]{3,}\\b").matcher(m.group(4));
                    while (code.find()) {
                        if (known.contains(code.group())) {
                            rules.add(code.group());
                        }
                    }
                }
                out.put(entity + " " + m.group(1) + ":" + m.group(2), rules);
            }
        }
        return out;
    }

    private Map<String, Set<String>> nightRules(String sourceId, Set<String> positions) {
        Map<String, Set<String>> out = new HashMap<>();
        positions.forEach(p -> out.put(p, new TreeSet<>()));
        jdbc.query("SELECT entity, file_name, line_no, rule_code FROM dq_violation WHERE run_id = 1 AND source_id = ? AND "
                + "severity <> 'PARK'", rs -> {
                    String position = rs.getString(1) + " " + rs.getString(2) + ":" + rs.getLong(3);
                    if (!MERGE_RULES.contains(rs.getString(4))) {
                        out.computeIfAbsent(position, k -> new TreeSet<>()).add(rs.getString(4));
                    }
                }, sourceId);
        return new TreeMap<>(out);
    }
}
