package cn.hunan.hrss.employmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.support.H2WarehouseTest;
import cn.hunan.hrss.employmenthub.support.WarehouseSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The log is one of the places personal data must not reach: whatever a class logs, messages and stack traces. */
@ExtendWith(OutputCaptureExtension.class)
class MaskedLogTests extends H2WarehouseTest {

    private static final Logger log = LoggerFactory.getLogger(MaskedLogTests.class);

    @Test
    void messagesAndStackTracesAreMaskedBeforeTheyAreWritten(CapturedOutput output) {
        log.warn("register line: tel １３８１２３４５６７８, id 430481 1997 1002 3356, home (0734)8123456");
        log.error("write failed", new IllegalStateException("Data too long for value '+86 139-0013-8000'"));

        assertThat(output.getAll()).contains("138****5678", "430481********3356", "073****3456", "139****8000")
                .contains("IllegalStateException");
        assertThat(WarehouseSnapshot.plainPersonalData(output.getAll())).isEmpty();
    }
}
