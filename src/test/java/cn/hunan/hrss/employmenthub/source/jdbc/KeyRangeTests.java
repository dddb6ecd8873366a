package cn.hunan.hrss.employmenthub.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.source.ExtractUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyRangeTests {

    @Test
    void rangesCoverEveryKeyOnceIncludingNullAndKeysBeyondTheEnds() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            long min = random.nextInt(2000) - 1000;
            long max = min + random.nextInt(trial % 3 == 0 ? 3 : 5000);
            int parts = 1 + random.nextInt(8);
            List<KeyRange> ranges = KeyRange.cut(min, max, parts);
            assertThat(ranges).hasSizeBetween(1, parts);
            List<Long> keys = new ArrayList<>(List.of(min - 5, min, max, max + 5, (min + max) / 2));
            for (int i = 0; i < 20; i++) {
                keys.add(min + (long) (random.nextDouble() * (max - min + 1)));
            }
            keys.add(null);
            for (Long key : keys) {
                assertThat(ranges.stream().filter(r -> holds(r, key)).count()).as("key %s in %s", key, ranges).isEqualTo(1);
            }
        }
    }

    @Test
    void aUnitOfARangeNamesItAndReadsItsPredicateBack() {
        ExtractUnit table = new ExtractUnit(EntityType.PERSON, null, "c430481_jy_ry", null, "2023-12-01T00:00");
        List<KeyRange> ranges = KeyRange.cut(1, 1366, 3);

        List<ExtractUnit> units = ranges.stream().map(r -> r.of(table, "xh")).toList();

        assertThat(units).extracting(ExtractUnit::label)
                .containsExactly("c430481_jy_ry[xh ..457]", "c430481_jy_ry[xh 457..913]", "c430481_jy_ry[xh 913..]");
        assertThat(units).extracting(ExtractUnit::fingerprint).containsOnly("2023-12-01T00:00");
        List<Object> params = new ArrayList<>();
        assertThat(KeyRange.of(units.get(0)).orElseThrow().predicate("xh", params)).isEqualTo("(q.xh < ? OR q.xh IS NULL)");
        assertThat(KeyRange.of(units.get(1)).orElseThrow().predicate("xh", params)).isEqualTo("q.xh >= ? AND q.xh < ?");
        assertThat(KeyRange.of(units.get(2)).orElseThrow().predicate("xh", params)).isEqualTo("q.xh >= ?");
        assertThat(params).containsExactly(457L, 457L, 913L, 913L);
        assertThat(KeyRange.of(table)).isEmpty();
    }

    private static boolean holds(KeyRange r, Long key) {
        if (key == null) {
            return r.from() == null;
        }
        return (r.from() == null || key >= r.from()) && (r.to() == null || key < r.to());
    }
}
