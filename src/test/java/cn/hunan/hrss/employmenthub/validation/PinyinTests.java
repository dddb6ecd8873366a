package cn.hunan.hrss.employmenthub.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTests {

    @Test
    void namesTypedWithACharacterOfTheSameSoundSoundAlike() {
        assertThat(Pinyin.soundsAlike("张伟", "张玮")).isTrue();
        assertThat(Pinyin.soundsAlike("张伟", "章伟")).isTrue();
        assertThat(Pinyin.soundsAlike("曾静", "增敬")).isTrue();   // 曾 reads zeng or ceng
    }

    @Test
    void differentNamesAndEqualNamesDoNot() {
        assertThat(Pinyin.soundsAlike("张伟", "张伟")).as("equal is not 'alike'").isFalse();
        assertThat(Pinyin.soundsAlike("张伟", "张强")).isFalse();
        assertThat(Pinyin.soundsAlike("张伟", "张伟伟")).isFalse();
        assertThat(Pinyin.soundsAlike("张伟", "王伟")).isFalse();
    }

    @Test
    void aNameInLatinLettersSoundsLikeItsCharacters() {
        assertThat(Pinyin.soundsAlike("ZhangWei", "张伟")).isTrue();
        assertThat(Pinyin.soundsAlike("张伟", "zhangwei")).isTrue();
        assertThat(Pinyin.soundsAlike("LvLi", "吕丽")).isTrue();
        assertThat(Pinyin.soundsAlike("LuLi", "吕丽")).isTrue();
        assertThat(Pinyin.soundsAlike("ZhangWe", "张伟")).isFalse();
        assertThat(Pinyin.soundsAlike("ZhangWeiWei", "张伟")).isFalse();
        assertThat(Pinyin.soundsAlike("WangWei", "张伟")).isFalse();
    }
}
