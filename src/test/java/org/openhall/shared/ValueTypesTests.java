package org.openhall.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SEC-4 validation and SEC-2 masking of the shared value types, with valid and invalid vectors. */
class ValueTypesTests {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "34052419800101001X", "11010519491231002x",
            " 110105 19491231002X "})
    void acceptsValidIdNumbers(String raw) {
        assertThat(ChineseIdNumber.isValid(raw)).isTrue();
        assertThat(ChineseIdNumber.of(raw).value()).hasSize(18).doesNotContain(" ").doesNotContain("x");
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, shared.idNumber.checksum",
            "510105199001011234, shared.idNumber.checksum",
            "11010519491231002, shared.idNumber.length",
            "1101051949123100211, shared.idNumber.length",
            "11010519491231A02X, shared.idNumber.format",
            "11010519491331002X, shared.idNumber.birthDate",
            "11010519490230002X, shared.idNumber.birthDate",
            "11010517491231002X, shared.idNumber.birthDate"})
    void rejectsInvalidIdNumbersWithTheReason(String raw, String key) {
        assertThat(ChineseIdNumber.isValid(raw)).isFalse();
        assertThat(ChineseIdNumber.validationError(raw)).contains(key);
        assertThatThrownBy(() -> ChineseIdNumber.of(raw)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo(key);
    }

    @Test
    void idNumberKnowsBirthDateSexAndMask() {
        ChineseIdNumber id = ChineseIdNumber.of("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.male()).isFalse();
        assertThat(ChineseIdNumber.of("440524188001010014").male()).isTrue();
        assertThat(id.masked()).isEqualTo("1***************2X");
        assertThat(id.toString()).doesNotContain("19491231");
    }

    @Test
    void checkCharacterFollowsIso7064() {
        assertThat(ChineseIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ChineseIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @ParameterizedTest
    @CsvSource({"18019991999, 18019991999", "+86 180 1999 1999, 18019991999", "86-13912345678, 13912345678",
            "19912345678, 19912345678"})
    void acceptsMobileNumbers(String raw, String stored) {
        assertThat(MobileNumber.isValid(raw)).isTrue();
        assertThat(MobileNumber.of(raw).value()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12012345678", "1801999199", "180199919999", "1801999199a", "+1 180 1999 1999", ""})
    void rejectsMobileNumbers(String raw) {
        assertThat(MobileNumber.isValid(raw)).isFalse();
        assertThatThrownBy(() -> MobileNumber.of(raw)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "911100001000080343", "91110108551385082Q", "91110108551385082q"})
    void acceptsCreditCodes(String raw) {
        assertThat(UnifiedSocialCreditCode.isValid(raw)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"91350100M000100Y44, shared.creditCode.checksum", "91440300MA5F0B1234, shared.creditCode.checksum",
            "91350100M000100Y4, shared.creditCode.length", "91350100M0001O0Y43, shared.creditCode.format",
            "913501I0M000100Y43, shared.creditCode.format"})
    void rejectsCreditCodes(String raw, String key) {
        assertThat(UnifiedSocialCreditCode.validationError(raw)).contains(key);
    }

    @Test
    void creditCodeCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91440300MA5F0B123")).isEqualTo('P');
    }

    @Test
    void masksAsTheRequirementShows() {
        assertThat(Masking.name("段誉")).isEqualTo("段*");
        assertThat(Masking.name("段正淳")).isEqualTo("段**");
        assertThat(Masking.name("欧阳锋")).isEqualTo("欧**");
        assertThat(Masking.name("李")).isEqualTo("李*");
        assertThat(Masking.idNumber("51010519900101123X")).isEqualTo("5***************3X");
        assertThat(Masking.mobile("18019991999")).isEqualTo("180****1999");
        assertThat(Masking.mobile("+86 180 1999 1999")).isEqualTo("180****1999");
        assertThat(Masking.name(null)).isNull();
        assertThat(Masking.mobile("")).isEmpty();
        assertThat(MobileNumber.of("18019991999").toString()).isEqualTo("180****1999");
    }
}
