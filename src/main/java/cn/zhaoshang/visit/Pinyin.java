package cn.zhaoshang.visit;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.util.Locale;

/**
 * Pinyin initials as people type them to find a company: 长乐 → cl, 重庆 → cq, 奇虎360 → qh360. Public for the generator,
 * which writes the initials of the enterprises it makes.
 */
public final class Pinyin {

    private Pinyin() {
    }

    /** Lower-case initials of the Chinese characters, Latin letters and digits kept, everything else dropped. */
    public static String initials(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        // the library reads words, so 重庆 is chong qing; it separates syllables with spaces
        String letters = PinyinHelper.toPinyin(text, PinyinStyleEnum.FIRST_LETTER);
        StringBuilder b = new StringBuilder(letters.length());
        for (char c : letters.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
