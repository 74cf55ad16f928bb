package cn.zhaoshang.visit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Initials read words, not characters: 长 in 长乐 is chang, 重 in 重庆 is chong. */
class PinyinTest {

    @Test
    void placeNamesAreReadAsWords() {
        assertThat(Pinyin.initials("长乐")).isEqualTo("cl");
        assertThat(Pinyin.initials("重庆")).isEqualTo("cq");
        assertThat(Pinyin.initials("长乐区")).isEqualTo("clq");
        assertThat(Pinyin.initials("重庆长安汽车")).isEqualTo("cqcaqc");
    }

    @Test
    void companyNamesKeepLatinLettersAndDigits() {
        assertThat(Pinyin.initials("北京奇虎科技有限公司")).isEqualTo("bjqhkjyxgs");
        assertThat(Pinyin.initials("奇虎360")).isEqualTo("qh360");
        assertThat(Pinyin.initials("国家信息中心")).isEqualTo("gjxxzx");
        assertThat(Pinyin.initials("福建省电子信息(集团)有限责任公司")).isEqualTo("fjsdzxxjtyxzrgs");
        assertThat(Pinyin.initials("  ")).isEmpty();
        assertThat(Pinyin.initials(null)).isEmpty();
    }
}
