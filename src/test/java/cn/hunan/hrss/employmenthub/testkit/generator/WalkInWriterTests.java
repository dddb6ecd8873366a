package cn.hunan.hrss.employmenthub.testkit.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.validation.Names;
import cn.hunan.hrss.employmenthub.validation.Pinyin;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The generator's mistakes are the mistakes they claim to be, so that matching is measured against real ones. */
class WalkInWriterTests {

    @Test
    void everyHomophoneOfTheHandWrittenTableSoundsLikeItsCharacter() {
        String table = WalkInWriter.HOMOPHONES;
        for (int i = 0; i + 1 < table.length(); i += 2) {
            String a = "王" + table.charAt(i);
            String b = "王" + table.charAt(i + 1);
            assertThat(Pinyin.soundsAlike(a, b)).as(a + " / " + b).isTrue();
        }
    }

    @Test
    void aNameInPinyinSoundsLikeTheName() {
        assertThat(WalkInWriter.pinyin("张伟")).isEqualTo("Zhang Wei");
        assertThat(Pinyin.soundsAlike(Names.normalise(WalkInWriter.pinyin("欧阳海燕")), "欧阳海燕")).isTrue();
    }

    @Test
    void aBirthDateOneDigitOffDiffersInOneDigitAndIsARealDate() {
        for (LocalDate d = LocalDate.of(1990, 1, 1); d.getYear() == 1990; d = d.plusDays(1)) {
            String a = d.toString();
            String b = WalkInWriter.oneDigitOff(d).toString();
            int differ = 0;
            for (int i = 0; i < a.length(); i++) {
                differ += a.charAt(i) == b.charAt(i) ? 0 : 1;
            }
            assertThat(differ).as(a + " -> " + b).isEqualTo(1);
        }
    }
}
