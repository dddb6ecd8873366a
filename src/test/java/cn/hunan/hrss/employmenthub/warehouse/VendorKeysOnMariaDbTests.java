package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.testkit.generator.GenerateCommand;
import cn.hunan.hrss.employmenthub.support.MariaDbWarehouseTest;
import cn.hunan.hrss.employmenthub.support.TruthCheck;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

/**
 * Onboarding by YAML alone a county whose platform database (on MariaDB) names the person of a service or placement by
 * its own row key {@code ryxh} only, whose station service ledgers (GBK CSV) carry only that key ({@code refs:} with
 * {@code source:} the platform), and whose gig market exports ISO-8601 times with an offset
 * ({@code generate --vendor-keys}), and whose walk-ins are workbooks of twelve monthly sheets with residences written as
 * village names ({@code --walk-in-books}): every figure equals the generated truth; every walk-in loads with its sheet
 * and row, its residence resolved to the village's code; the orphan services (a key no person has) are parked, then
 * quarantined with REF_KEY_UNKNOWN once park-days passed; every source reconciles.
 */
@ExtendWith(OutputCaptureExtension.class)
class VendorKeysOnMariaDbTests extends MariaDbWarehouseTest {

    private static final String SOURCES = "hub_vendor_" + ProcessHandle.current().pid();

    @AfterAll
    static void dropSources() throws Exception {
        execute("DROP DATABASE IF EXISTS " + SOURCES);
    }

    @Test
    void eventsNamingPersonsByThePlatformsKeyLoadEveryFigureOfTheTruth(CapturedOutput output) throws Exception {
        // given
        execute("DROP DATABASE IF EXISTS " + SOURCES, "CREATE DATABASE " + SOURCES + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        Path dir = Path.of("target", "vendor-keys");
        FileSystemUtils.deleteRecursively(dir);
        GenerateCommand.generate(dir, 2, 400, 2023, url(SOURCES), new GenerateCommand.Extras(false, true, true));
        JsonNode truth = TruthCheck.read(dir.resolve("truth.json"));
        assertThat(truth.at("/parked_by_rule/REF_KEY_UNKNOWN").asLong()).isEqualTo(4);

        // when
        Printed night = nightlyCommand(dir.resolve("jobs-config"), "2023-12-31");

        // then: every figure of the truth, every source reconciled
        assertThat(night.exit()).as(night.text()).isZero();
        assertThat(new TruthCheck(jdbc, truth).differences(1)).isEmpty();
        assertThat(night.text().lines().filter(l -> l.contains("-county-platform") || l.contains("-station-register")))
                .isNotEmpty().allSatisfy(l -> assertThat(l).endsWith(" ok"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_service WHERE person_id_number_ref_key IS NOT NULL "
                + "AND person_id_number_hash IS NOT NULL AND source_id LIKE '%-station-register'", Long.class))
                .as("the ledgers' services were given by key and resolved").isPositive();
        assertThat(jdbc.queryForList("SELECT DISTINCT o.outcome FROM etl_outcome o JOIN stg_service s ON s.id = o.stg_id "
                + "WHERE o.entity = 'service' AND s.source_id LIKE '%-station-register'", String.class))
                .as("a ledger's service given by key is the platform's service").containsExactly("merged");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_parked WHERE rule_code = 'REF_KEY_UNKNOWN'", Long.class))
                .isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT DISTINCT file_name FROM stg_person WHERE source_id = '430481-walkin-book'",
                String.class)).as("each walk-in at its sheet").hasSize(12)
                .contains("data/430481/register/walkins-2023.xlsx#2023年1月", "data/430481/register/walkins-2023.xlsx#2023年12月");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_person WHERE source_id LIKE '%-walkin-book'", Long.class))
                .isEqualTo(24);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_person WHERE source_id LIKE '%-walkin-book' AND "
                + "(residence_region IS NULL OR residence_region <> household_region OR LENGTH(residence_region) <> 12)",
                Long.class)).as("the village names resolved to the codes the register also gives").isZero();

        // when: park-days (7) pass
        Printed later = nightlyCommand(dir.resolve("jobs-config"), "2024-01-08");

        // then: the orphans are quarantined with their rule, at their rows, and nothing else moved
        assertThat(later.exit()).as(later.text()).isZero();
        assertThat(jdbc.queryForList("SELECT CONCAT(source_id, ' ', rule_code, ' ', field_name) FROM quarantine WHERE "
                + "run_id = 2 AND rule_code = 'REF_KEY_UNKNOWN'", String.class)).containsExactlyInAnyOrder(
                "430481-county-platform REF_KEY_UNKNOWN person_id_number", "430481-county-platform REF_KEY_UNKNOWN person_id_number",
                "431322-county-platform REF_KEY_UNKNOWN person_id_number", "431322-county-platform REF_KEY_UNKNOWN person_id_number");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM etl_parked", Long.class)).isZero();
        assertThat(WarehouseSnapshot.plainPersonalData(output.getAll())).isEmpty();
        assertThat(WarehouseSnapshot.plainPersonalData(jdbc, WarehouseSnapshot.tables(jdbc, "wh_", "stg_", "landing",
                "quarantine"))).isEmpty();
    }
}
