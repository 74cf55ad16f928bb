package cn.zhaoshang.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random strings mixing Chinese, ASCII, whitespace and control characters, against what {@link Unprintable} promises. */
class UnprintablePropertiesTest {

    private static final char[] ALPHABET = ("华恒长乐区 ab1,%_\\\t\n\r\u3000\uFEFF\u0000\u0001\u001F\u007F\u0085\u009F\uFFFD"
            + "\uD83D\uDE00").toCharArray();

    @Test
    void visibleAndRemovedLeaveNoControlCharacterAndKeepEverythingElse() {
        Random random = new Random(20171128);
        for (int n = 0; n < 20_000; n++) {
            String s = randomText(random);
            int first = Unprintable.first(s);
            String visible = Unprintable.visible(s);
            String removed = Unprintable.removed(s);
            assertThat(Unprintable.first(visible)).isEqualTo(-1);
            assertThat(Unprintable.first(removed)).isEqualTo(-1);
            assertThat(visible).hasSameSizeAs(s);
            int controls = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
                assertThat(Unprintable.isControl(c)).as("U+%04X", (int) c).isEqualTo(control);
                assertThat(visible.charAt(i)).isEqualTo(control ? '\uFFFD' : c);
                if (control) {
                    controls++;
                    if (controls == 1) {
                        assertThat(first).isEqualTo(i);
                        assertThat(Unprintable.message(s)).contains(String.format("U+%04X", (int) c));
                    }
                }
            }
            assertThat(first >= 0).isEqualTo(controls > 0);
            assertThat(removed).hasSize(s.length() - controls);
            assertThat(removed).isEqualTo(s.codePoints().filter(c -> c > 0xFFFF || !Unprintable.isControl((char) c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
            if (controls == 0) {
                assertThat(visible).isSameAs(s);
                assertThat(removed).isSameAs(s);
            }
        }
        assertThat(Unprintable.first(null)).isEqualTo(-1);
        assertThat(Unprintable.visible(null)).isNull();
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
