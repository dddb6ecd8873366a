package cn.hunan.hrss.employmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskerTests {

    @Test
    void masksIdNumbersAndMobilesWhereverTheyStand() {
        String masked = PiiMasker.mask("{\"sfzh\":\"11010519491231002x\",\"tel\":\"+86 138-0013-8000\",\"old\":\"150102880730303\"}");

        assertThat(masked).doesNotContain("11010519491231002", "0013", "880730303")
                .contains("110105********002x", "138****8000", "150102*****0303");
    }

    @Test
    void encryptionRoundTripsAndHashesAreKeyed() {
        PersonalData a = new PersonalData("0123456789abcdef0123456789abcdef".getBytes(), false);
        PersonalData b = new PersonalData("fedcba9876543210fedcba9876543210".getBytes(), false);

        assertThat(a.decrypt(a.encrypt("430481199001011234"))).isEqualTo("430481199001011234");
        assertThat(a.encrypt("x")).isNotEqualTo(a.encrypt("x"));
        assertThat(a.hash("430481199001011234")).isEqualTo(a.hash("430481199001011234"))
                .isNotEqualTo(b.hash("430481199001011234"));
    }
}
