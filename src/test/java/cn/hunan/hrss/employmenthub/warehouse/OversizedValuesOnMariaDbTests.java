package cn.hunan.hrss.employmenthub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.MariaDbWarehouseTest;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * A register line with a 300-character station code and one with a 1 MB name, on MariaDB (where a TEXT column
 * holds 64 KB and a VARCHAR refuses longer values): both are quarantined with their rule and line, everything
 * else loads, the night succeeds.
 */
class OversizedValuesOnMariaDbTests extends MariaDbWarehouseTest {

    @Test
    void aThreeHundredCharacterCodeAndAOneMegabyteNameAreQuarantinedAndTheNightSucceeds() throws Exception {
        // given: the demo with one more register file: a good line, a 300-character station code, a 1 MB name
        Path config = copyDemo(Path.of("target", "oversized"));
        String header = "耒阳市补录登记表,,,,,,,,,\r\n序号,姓名,性别,身份证号,联系电话,文化程度,人员类别,居住地代码,登记日期,登记站点\r\n";
        String good = "1,补录甲,女,11010519491231002X,13800138000,高中,,430481001001,2023-12-20,430481-ZD0001\r\n";
        String longCode = "2,补录乙,男,360426199101010071,13800138001,高中,,430481001001,2023-12-20," + "Z".repeat(300) + "\r\n";
        String hugeName = "3," + "名".repeat(1 << 20) + ",男,430481199710023356,13800138002,高中,,430481001001,2023-12-20,"
                + "430481-ZD0001\r\n";
        Files.write(config.resolve("data/430481/register/persons-2023-12.csv"),
                (header + good + longCode + hugeName).getBytes(Charset.forName("GBK")));

        // when
        JobExecution night = night(config, LocalDate.parse("2023-12-31"));

        // then
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, Object>> quarantined = jdbc.queryForList("SELECT line_no, field_name, detail FROM quarantine WHERE "
                + "rule_code = 'VALUE_TOO_LONG' ORDER BY line_no");
        assertThat(quarantined).extracting(m -> m.get("line_no") + " " + m.get("field_name") + ": " + m.get("detail"))
                .containsExactly("4 station_code: 300 characters; the column holds 64",
                        "5 name: 1048576 characters; the column holds 500");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wh_person WHERE name = '补录甲'", Long.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT MAX(LENGTH(payload_masked)) FROM landing_record", Long.class))
                .isGreaterThan(1 << 20);
    }
}
