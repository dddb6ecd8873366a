package cn.hunan.hrss.employmenthub.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

    @Test
    void controlAndInvisibleCharactersNeverReachAValue() {
        assertThat(Text.clean("张\u0000三\u0007\u001B[0m")).isEqualTo("张三[0m");
        assertThat(Text.clean("\uFEFF李\u200B四\u007F")).isEqualTo("李四");
        assertThat(Text.clean("王\t五\r\n")).isEqualTo("王 五");
        assertThat(Text.clean("\u0000\u0001")).isNull();
    }

    @Test
    void fullWidthFormsAreFoldedAndSpacesCollapsed() {
        assertThat(Text.clean("　１３８ ０　A ")).isEqualTo("138 0 A");
    }
}
