package cn.hunan.hrss.employmenthub.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Regions;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A residence written as a village, community or township name is resolved within the source's county, by hand-picked
 * names of the 2023 reference: 真如庵村 is one village of 邵阳县 (430523); 金钩村委会 of 耒阳市 is written 金钩村 and
 * exists twice there; 合盛村 twice in 浏阳市 (430181).
 */
class RegionsByNameTests {

    private final Regions regions = Regions.hunan();

    @Test
    void namesAreFoundWithinTheirAreaAsRegistersWriteThem() {
        assertThat(regions.named("真如庵村", "430523")).extracting(Regions.Region::code).containsExactly("430523100253");
        assertThat(regions.named("真如庵村", "430481")).isEmpty();
        assertThat(regions.named("金钩村", "430481")).hasSize(2).allSatisfy(r -> assertThat(r.name()).isEqualTo("金钩村委会"));
        assertThat(regions.named("蔡子池街道", "430481")).extracting(Regions.Region::code).containsExactly("430481001");
        assertThat(regions.path(regions.find("430523100253").orElseThrow())).isEqualTo("邵阳县塘渡口镇真如庵村");
    }

    @Test
    void aRegisterResidenceByNameBecomesItsCodeOrItsOwnRule() {
        SourceDefinition source = new SourceDefinition("walkins", null, SourceKind.CSV, "430523", null, null, null, null, null,
                null, List.of(), null);
        EntityMapping m = new EntityMapping("person", null, null, null, "w.csv", null, null, null, null,
                Map.of("name", "姓名", "birth_date", "出生", "residence_region", "住址"),
                Map.of("residence_region", Map.of("老街", "430523101")), null, null);
        RecordStandardiser standardiser = new RecordStandardiser(source, null, LocalDate.of(2023, 12, 31),
                new PersonalData("0123456789abcdef0123456789abcdef".getBytes(), false));

        assertThat(residence(standardiser, m, "真如庵村")).isEqualTo("430523100253");
        assertThat(residence(standardiser, m, "老街")).as("a value mapping").isEqualTo("430523101");
        assertThat(violation(standardiser, m, "不存在村")).isEqualTo("REGION_NAME_UNKNOWN: '不存在村' names no division in 430523");
    }

    @Test
    void anAmbiguousNameNamesItsCandidates() {
        SourceDefinition source = new SourceDefinition("walkins", null, SourceKind.CSV, "430181", null, null, null, null, null,
                null, List.of(), null);
        EntityMapping m = new EntityMapping("person", null, null, null, "w.csv", null, null, null, null,
                Map.of("name", "姓名", "birth_date", "出生", "residence_region", "住址"), null, null, null);
        RecordStandardiser standardiser = new RecordStandardiser(source, null, LocalDate.of(2023, 12, 31),
                new PersonalData("0123456789abcdef0123456789abcdef".getBytes(), false));

        assertThat(violation(standardiser, m, "合盛村")).startsWith("REGION_NAME_AMBIGUOUS: '合盛村' names 2 divisions in 430181: 430181");
    }

    private static Object residence(RecordStandardiser s, EntityMapping m, String value) {
        return s.standardise(record(value), m).columns().get("residence_region");
    }

    private static String violation(RecordStandardiser s, EntityMapping m, String value) {
        return s.standardise(record(value), m).violations().stream().filter(v -> "residence_region".equals(v.field()))
                .map(v -> v.rule().name() + ": " + v.detail()).findFirst().orElse("none");
    }

    private static SourceRecord record(String residence) {
        return SourceRecord.of("walkins", EntityType.PERSON, "w.csv", 2, Map.of("姓名", "张三", "出生", "1990-01-01", "住址",
                residence));
    }
}
