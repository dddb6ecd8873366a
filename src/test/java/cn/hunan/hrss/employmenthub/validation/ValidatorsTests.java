package cn.hunan.hrss.employmenthub.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hunan.hrss.employmenthub.record.Dates;
import cn.hunan.hrss.employmenthub.record.Regions;
import cn.hunan.hrss.employmenthub.record.Rule;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidatorsTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Nested
    class ResidentIdNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"11010519491231002X", "360426199101010071", "44011320141005001X", "110102199101010078",
                "150102198807303035"})
        void officialValidVectorsPass(String id) {
            assertThat(IdNumbers.check(id, TODAY).valid()).isTrue();
            assertThat(IdNumbers.check(id, TODAY).value()).isEqualTo(id);
        }

        @Test
        void wrongCheckCharacterIsRejectedWithTheRightRule() {
            assertThat(IdNumbers.check("36042619910102009X", TODAY).rule()).isEqualTo(Rule.ID_CHECK_DIGIT);
            assertThat(IdNumbers.checkChar("36042619910102009")).isEqualTo('3');
        }

        @Test
        void fifteenDigitNumberConvertsToTheStandardsEighteenDigitForm() {
            IdNumbers.Result r = IdNumbers.check("150102880730303", TODAY);
            assertThat(r.value()).isEqualTo("150102198807303035");
            assertThat(r.converted()).isTrue();
        }

        @Test
        void registersSpellingsAreStandardised() {
            assertThat(IdNumbers.check(" １１０１０５１９４９１２３１００２x ", TODAY).value()).isEqualTo("11010519491231002X");
        }

        @Test
        void impossibleOrFutureBirthDatesAreRejected() {
            String first17 = "43048119911332001";
            assertThat(IdNumbers.check(first17 + IdNumbers.checkChar(first17), TODAY).rule()).isEqualTo(Rule.ID_BIRTH_DATE);
            String future = "43048120300101001";
            assertThat(IdNumbers.check(future + IdNumbers.checkChar(future), TODAY).rule()).isEqualTo(Rule.ID_BIRTH_DATE);
        }

        @Test
        void malformedNumbersAreFormatErrors() {
            assertThat(IdNumbers.check("4304811990010112", TODAY).rule()).isEqualTo(Rule.ID_FORMAT);
            assertThat(IdNumbers.check("43048119900101A12X", TODAY).rule()).isEqualTo(Rule.ID_FORMAT);
        }

        @Test
        void genderAndBirthComeFromTheNumber() {
            assertThat(IdNumbers.genderCode("11010519491231002X")).isEqualTo("2");
            assertThat(IdNumbers.genderCode("150102198807303035")).isEqualTo("1");
            assertThat(IdNumbers.birthDate("150102198807303035")).isEqualTo(LocalDate.of(1988, 7, 30));
        }

        @Test
        void maskShowsDivisionAndLastFourOnly() {
            assertThat(IdNumbers.mask("430102199001011234")).isEqualTo("430102********1234");
        }

        @Test
        void agreesWithAnIndependentCheckOnRandomNumbers() {
            Random random = new Random(7);
            for (int i = 0; i < 2000; i++) {
                String first17 = "430481" + (1950 + random.nextInt(60)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                        1 + random.nextInt(28), random.nextInt(1000));
                char check = independentCheck(first17);
                assertThat(IdNumbers.check(first17 + check, TODAY).valid()).isTrue();
                char wrong = "0123456789X".charAt((("0123456789X".indexOf(check)) + 1 + random.nextInt(10)) % 11);
                assertThat(IdNumbers.check(first17 + wrong, TODAY).rule()).isEqualTo(Rule.ID_CHECK_DIGIT);
            }
        }

        /** ISO 7064 MOD 11-2, computed as the standard describes it: weights 2^(i) mod 11 from the right. */
        private char independentCheck(String first17) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                int weight = (int) (Math.pow(2, 17 - i) % 11);
                sum += (first17.charAt(i) - '0') * weight;
            }
            int value = (12 - sum % 11) % 11;
            return value == 10 ? 'X' : (char) ('0' + value);
        }
    }

    @Nested
    class UnifiedSocialCreditCodes {

        @ParameterizedTest
        @ValueSource(strings = {"91110000600037341L", "121200004013590816", "91310115MA1K3BTP2B", "91310110666007217T"})
        void officialValidVectorsPass(String code) {
            assertThat(CreditCodes.check(code)).isEqualTo(code);
        }

        @Test
        void wrongCheckCharacterAndForeignLettersAreRejected() {
            assertThat(CreditCodes.check("91110000600037341N")).isEqualTo(Rule.CREDIT_CHECK);
            assertThat(CreditCodes.check("9111000060003IOZSV")).isEqualTo(Rule.CREDIT_FORMAT);
        }

        @Test
        void lowercaseAndSpacesAreStandardised() {
            assertThat(CreditCodes.check(" 91310115ma1k3btp2b ")).isEqualTo("91310115MA1K3BTP2B");
        }

        @Test
        void agreesWithAnIndependentCheckOnRandomCodes() {
            Random random = new Random(11);
            String alphabet = CreditCodes.ALPHABET;
            for (int i = 0; i < 2000; i++) {
                StringBuilder first17 = new StringBuilder("91430481");
                while (first17.length() < 17) {
                    first17.append(alphabet.charAt(random.nextInt(31)));
                }
                char check = independentCheck(first17.toString());
                assertThat(CreditCodes.check(first17.toString() + check)).isEqualTo(first17.toString() + check);
                char wrong = alphabet.charAt((alphabet.indexOf(check) + 1 + random.nextInt(30)) % 31);
                assertThat(CreditCodes.check(first17.toString() + wrong)).isEqualTo(Rule.CREDIT_CHECK);
            }
        }

        /** GB 32100: the weights are the powers of 3 modulo 31, computed here rather than tabulated. */
        private char independentCheck(String first17) {
            int sum = 0;
            int weight = 1;
            for (int i = 0; i < 17; i++) {
                sum += CreditCodes.ALPHABET.indexOf(first17.charAt(i)) * weight;
                weight = weight * 3 % 31;
            }
            return CreditCodes.ALPHABET.charAt((31 - sum % 31) % 31);
        }
    }

    @Nested
    class PhoneNumbers {

        @Test
        void mobilesAreNormalisedFromRegisterSpellings() {
            assertThat(Phones.normalise("+86 138-0013-8000")).isEqualTo("13800138000");
            assertThat(Phones.normalise("１３８００１３８０００")).isEqualTo("13800138000");
            assertThat(Phones.normalise("0734-8123456")).isEqualTo("07348123456");
        }

        @Test
        void nonNumbersAreRejected() {
            assertThat(Phones.normalise("12345")).isNull();
            assertThat(Phones.normalise("12800138000")).isNull();
        }

        @Test
        void maskKeepsThreeAndFour() {
            assertThat(Phones.mask("13812345678")).isEqualTo("138****5678");
        }
    }

    @Nested
    class PersonNames {

        @Test
        void traditionalCharactersAreReadAsSimplifiedByACompleteTable() {
            assertThat(Names.normalise("閆 曉·東")).isEqualTo("闫晓东");
            assertThat(Names.normalise("張偉")).isEqualTo("张伟");
            assertThat(Names.normalise("ＷＡＮＧ Ｗｅｉ")).isEqualTo("WANGWei");
            assertThat(Names.employer("湘潭華瑞電子科技有限公司")).isEqualTo("湘潭华瑞电子科技");
        }
    }

    @Nested
    class DatesInRegisterFormats {

        private final Dates dates = new Dates(Dates.DEFAULT_FORMATS);

        @ParameterizedTest
        @ValueSource(strings = {"2023-08-01", "2023/8/1", "2023年8月1日", "20230801", "2023-08-01 10:15:00", "２０２３－０８－０１"})
        void everyListedFormatParses(String text) {
            assertThat(dates.parseDate(text)).isEqualTo(LocalDate.of(2023, 8, 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2023-08-01T09:30:00+08:00", "2023-08-01T01:30:00Z", "2023-07-31T20:30:00.125-05:00",
            "2023/8/1 9:30", "2023/8/1 09:30:15", "2023-8-1 23:59", "2023年8月1日 8:05", "2023-08-01T09:30"})
        void dateTimesWithATimeOrAnOffsetGiveTheirDateInTheProvince(String text) {
            assertThat(dates.parseDate(text)).as(text).isEqualTo(LocalDate.of(2023, 8, 1));
        }

        @Test
        void aWorkbooksDateTypedAsANumberIsExcelsDayCountButOnlyInWorkbooks() {
            assertThat(new Dates(Dates.DEFAULT_FORMATS, true).parseDate("45139")).isEqualTo(LocalDate.of(2023, 8, 1));
            assertThat(new Dates(Dates.DEFAULT_FORMATS, true).parseDate("45139.0")).isEqualTo(LocalDate.of(2023, 8, 1));
            assertThat(new Dates(Dates.DEFAULT_FORMATS, true).parseDate("12345")).as("1933: not a serial we read").isNull();
            assertThat(dates.parseDate("45139")).as("a CSV's number is no date").isNull();
        }

        @Test
        void anOffsetTimeIsReadAsTheTimeInBeijing() {
            assertThat(dates.parseDateTime("2024-09-20T09:30:00+08:00")).isEqualTo(java.time.LocalDateTime.of(2024, 9, 20, 9, 30));
            assertThat(dates.parseDateTime("2024-09-19T20:00:00Z")).isEqualTo(java.time.LocalDateTime.of(2024, 9, 20, 4, 0));
        }

        @Test
        void impossibleDatesDoNotParse() {
            assertThat(dates.parseDate("2023-02-30")).isNull();
            assertThat(dates.parseDate("2023年13月45日")).isNull();
            assertThat(dates.parseDate("2023/8/1 25:00")).isNull();
            assertThat(dates.parseDate("2023-08-01T09:30:00+25:00")).isNull();
        }

        @Test
        void monthsBecomeTheirFirstDay() {
            assertThat(dates.parseMonth("2023年5月")).isEqualTo(LocalDate.of(2023, 5, 1));
            assertThat(dates.parseMonth("2023-05")).isEqualTo(LocalDate.of(2023, 5, 1));
        }
    }

    @Nested
    class DivisionReference {

        @Test
        void holdsAllOfHunansUnits() {
            List<Regions.Region> all = Regions.hunan().all();
            assertThat(all).hasSize(31_691);
            assertThat(all.stream().filter(r -> r.level().equals("village"))).hasSize(29_534);
            assertThat(all.stream().filter(r -> r.level().equals("county"))).hasSize(134);
        }

        @Test
        void paddedStatisticalCodesNameTheirUnit() {
            assertThat(Regions.normalise("430481000000")).isEqualTo("430481");
            assertThat(Regions.hunan().find("430481000000").orElseThrow().name()).isEqualTo("耒阳市");
            assertThat(Regions.hunan().find("439999999999")).isEmpty();
        }
    }
}
