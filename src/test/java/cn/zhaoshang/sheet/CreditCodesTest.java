package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CreditCodesTest {

    /** Codes printed on real business licences (public registry data). */
    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43",
            "91110000802100433B", // 北京百度网讯科技有限公司
            "914403001922038216", // 华为技术有限公司
            "91330100716105852F", // 阿里巴巴（中国）有限公司
            "91440300708461136T", // 深圳市腾讯计算机系统有限公司
    })
    void knownCodesAreValid(String code) {
        assertThat(CreditCodes.isValid(code)).isTrue();
        assertThat(CreditCodes.checkChar(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @Test
    void checkCharacterFollowsTheStandardsFormula() {
        // worked by hand: all zeros sum to 0, check (31 - 0) % 31 = 0
        assertThat(CreditCodes.checkChar("00000000000000000")).isEqualTo('0');
        // a single 1 in position 1 (weight 1): sum 1, check 30 → 'Y' (the last symbol)
        assertThat(CreditCodes.checkChar("10000000000000000")).isEqualTo('Y');
        // a single 1 in position 2 (weight 3): sum 3, check 28 → 'W'
        assertThat(CreditCodes.checkChar("01000000000000000")).isEqualTo('W');
    }

    @Test
    void completeAppendsTheCheckCharacter() {
        String code = CreditCodes.complete("91350112MA2XN0000");
        assertThat(code).hasSize(18).startsWith("91350112MA2XN0000");
        assertThat(CreditCodes.isValid(code)).isTrue();
    }

    @Test
    void rejectsWrongLengthLowerCaseAndForbiddenLetters() {
        assertThat(CreditCodes.isValid(null)).isFalse();
        assertThat(CreditCodes.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCodes.isValid("91350100m000100y43")).isFalse(); // isValid is strict; Cells normalises case
        assertThat(CreditCodes.isValid("91350100I000100Y43")).isFalse();
        assertThatThrownBy(() -> CreditCodes.checkChar("9135010OM000100Y4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCodes.checkChar("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
