package cn.hunan.hrss.employmenthub.testkit.generator;

import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Person;
import cn.hunan.hrss.employmenthub.testkit.generator.FuzzCases.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the fuzz sources hold, as they are written: every record, those to quarantine (where, by which rule), the rest. */
final class FuzzTruth {

    private final List<Map<String, Object>> bad = new ArrayList<>();
    private final Map<String, Long> badByRule = new TreeMap<>();
    private final Map<String, Long> goodBySource = new TreeMap<>();
    private final List<String> notRemembered = new ArrayList<>();
    private long records;
    private long plain;

    /** One more record written. */
    void read() {
        records++;
    }

    /** A row written that is no record (blank): passed over, not read. */
    void unread() {
        records--;
    }

    /** A record that goes in as it came, counted apart from the hostile ones. */
    void plain(boolean plainRecord) {
        plain += plainRecord ? 1 : 0;
    }

    void notRemembered(String file) {
        notRemembered.add(file);
    }

    void expect(String source, String file, long line, Person p) {
        if (p.rule() == null) {
            good(source);
            if (p.value() == Value.PLAIN) {
                plain++;
            }
        } else {
            bad(source, file, line, p.rule());
        }
    }

    void good(String source) {
        goodBySource.merge(source, 1L, Long::sum);
    }

    void bad(String source, String file, long line, String rule) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source_id", source);
        row.put("file", file);
        row.put("line", line);
        row.put("rule", rule);
        bad.add(row);
        badByRule.merge(rule, 1L, Long::sum);
    }

    Map<String, Object> map() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("records", records);
        t.put("hostile", records - plain);
        t.put("good_by_source", goodBySource);
        t.put("quarantined_by_rule", badByRule);
        t.put("not_remembered", notRemembered);
        t.put("quarantined", bad);
        return t;
    }
}
