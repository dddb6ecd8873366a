package cn.hunan.hrss.employmenthub.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.CanonicalRecord;
import cn.hunan.hrss.employmenthub.record.EntityType;
import cn.hunan.hrss.employmenthub.record.Rule;
import cn.hunan.hrss.employmenthub.record.SourceRecord;
import cn.hunan.hrss.employmenthub.record.Violation;
import cn.hunan.hrss.employmenthub.source.config.EntityMapping;
import cn.hunan.hrss.employmenthub.source.config.SourceDefinition;
import cn.hunan.hrss.employmenthub.source.config.SourceKind;
import cn.hunan.hrss.employmenthub.system.PersonalData;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordStandardiserTests {

    private final EntityMapping mapping = new EntityMapping("person", null, null, null, "p.csv", null, null, null, null,
            Map.of("name", "姓名", "id_number", "身份证号", "phone", "电话", "categories", "类别", "education", "学历",
                    "registered_on", "登记日期", "residence_region", "居住地"),
            Map.of("education", Map.of("职高毕业", "40")), Map.of("channel", "station"), null);
    private final SourceDefinition source = new SourceDefinition("ly", null, SourceKind.CSV, "430481", 30, null, null, null,
            null, null, List.of(mapping), null);
    private final PersonalData pii = new PersonalData("0123456789abcdef0123456789abcdef".getBytes(), false);
    private final RecordStandardiser standardiser = new RecordStandardiser(source, null, LocalDate.of(2023, 12, 31), pii);

    private CanonicalRecord standardise(Map<String, String> values) {
        return standardiser.standardise(SourceRecord.of("ly", EntityType.PERSON, "p.csv", 7, values), mapping);
    }

    private static Map<String, String> row(String id, String date, String region) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("姓名", " 钱七 ");
        v.put("身份证号", id);
        v.put("电话", "+86 138-0013-8004");
        v.put("类别", "脱贫劳动力、农村劳动力");
        v.put("学历", "职高毕业");
        v.put("登记日期", date);
        v.put("居住地", region);
        return v;
    }

    @Test
    void aMessyRegisterRowBecomesACleanProtectedRecord() {
        CanonicalRecord r = standardise(row("150102880730303", "2023年8月4日", "430481001001"));

        assertThat(r.rejected()).isFalse();
        assertThat(r.violations()).extracting(Violation::rule).containsExactly(Rule.ID_15_CONVERTED);
        assertThat(r.columns()).containsEntry("name", "钱七").containsEntry("gender", "1")
                .containsEntry("birth_date", LocalDate.of(1988, 7, 30)).containsEntry("categories", ",poverty,rural,")
                .containsEntry("education", "40").containsEntry("registered_on", LocalDate.of(2023, 8, 4))
                .containsEntry("channel", "station").containsEntry("county_code", "430481")
                .containsEntry("id_number_masked", "150102********3035").containsEntry("phone_masked", "138****8004")
                .containsEntry("id_number_hash", pii.hash("150102198807303035"));
        assertThat(pii.decrypt((String) r.columns().get("id_number_enc"))).isEqualTo("150102198807303035");
        assertThat(r.payloadMasked()).doesNotContain("880730303").doesNotContain("0013-8004");
        assertThat(pii.decrypt(r.payloadEncrypted())).contains("150102880730303");
    }

    @Test
    void theSamePersonFromAnotherSpellingHasTheSameMatchKey() {
        CanonicalRecord a = standardise(row("150102880730303", "2023-08-04", "430481001001"));
        CanonicalRecord b = standardise(row("１５０１０２１９８８０７３０３０３５", "20230804", "430481001001"));

        assertThat(a.matchKey()).isEqualTo(b.matchKey());
        assertThat(a.rowHash()).isEqualTo(b.rowHash());
    }

    @Test
    void everyBrokenFieldIsReportedWithItsRule() {
        CanonicalRecord r = standardise(row("36042619910102009X", "2024-02-30", "439999001001"));

        assertThat(r.rejected()).isTrue();
        assertThat(r.violations()).extracting(Violation::rule)
                .containsExactly(Rule.ID_CHECK_DIGIT, Rule.REGION_UNKNOWN, Rule.DATE_FORMAT);
        assertThat(r.matchKey()).isNull();
    }
}
