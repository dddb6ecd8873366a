package cn.hunan.hrss.employmenthub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** {@code check-config --connect} finds, before any night, the mapped columns that the live sources do not have. */
class CheckConfigConnectTests {

    @Test
    void theBundledDemoMapsOnlyColumnsItsSourcesHave() throws Exception {
        Output o = checkConnect(Path.of("jobs-config"));
        assertThat(o.exit()).as(o.text()).isZero();
        assertThat(o.text()).contains("every mapped column was found in the live sources");
    }

    @Test
    void aTypoInAHeaderAJsonPathOrATableColumnIsNamedWithItsFileAndKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("jobs-config");
        FileSystemUtils.copyRecursively(Path.of("jobs-config"), config);
        edit(config.resolve("sources/430481/430481-station-register.yml"), "id_number: 身份证号", "id_number: 公民身份号码");
        edit(config.resolve("sources/province/online-platform.yml"), "id_number: idNo", "id_number: idNumber");
        edit(config.resolve("sources/431322/431322-county-platform.yml"), "updated-at: ", "updated-at: gengxin_shijian #");

        Output o = checkConnect(config);

        assertThat(o.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(o.text()).contains("sources/430481/430481-station-register.yml: entities[0].columns.id_number: column "
                        + "'公民身份号码' is not in data/430481/register/persons-2023.csv")
                .contains("sources/province/online-platform.yml: entities[0].columns.id_number: column 'idNumber' is not in "
                        + "data/province/online/registrations.json")
                .contains("sources/431322/431322-county-platform.yml: entities[0].updated-at: column 'gengxin_shijian'");
    }

    private record Output(int exit, String text) {
    }

    private static Output checkConnect(Path config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CheckConfigCommand.run(new CommandLine("check-config", Map.of("config-dir", config.toString(), "connect",
                "true")), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8));
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }
}
