package cn.hunan.hrss.employmenthub.testkit.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's distinct count, which keeps hashes, against a set of the keys themselves. */
class DistinctKeysTests {

    @Test
    void countsWhatASetOfTheKeysCountsThroughManyCompactions() {
        // given keys like the ledger's (ID number | type | date), a third of them repeated, some long after they came
        Random random = new Random(5);
        DistinctKeys counted = new DistinctKeys();
        Set<String> oracle = new HashSet<>();

        // when
        for (int i = 0; i < 200_000; i++) {
            String key = random.nextInt(3) == 0 && i > 0 ? "430481198" + random.nextInt(i) + "|guidance|2023-05-01"
                    : "430481198" + i + "|guidance|2023-05-01";
            counted.add(key);
            oracle.add(key);
            if (i % 50_000 == 0) {
                assertThat(counted.count()).as("counted midway, at %d", i).isEqualTo(oracle.size());
            }
        }

        // then
        assertThat(counted.count()).isEqualTo(oracle.size()).isLessThan(200_000);
    }

    @Test
    void keysThatDifferInOneCharacterOrInOrderAreTwo() {
        DistinctKeys counted = new DistinctKeys();
        counted.add("430481199001011234|a");
        counted.add("430481199001011235|a");
        counted.add("a|430481199001011234");
        counted.add("430481199001011234|a");
        counted.add("");

        assertThat(counted.count()).isEqualTo(4);
    }
}
