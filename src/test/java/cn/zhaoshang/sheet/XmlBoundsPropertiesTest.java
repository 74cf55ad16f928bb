package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte scan of a workbook's XML ({@link XmlBounds}) gives the parser's verdict ({@link XlsxGuard#scanXml}) on
 * generated well-formed parts: cell references in and out of Excel's columns, with and without prefixes, attributes in
 * any order and quoting, comments, CDATA, entities, processing instructions, and text near the length limit. From a
 * fixed seed, so a failure reproduces.
 */
class XmlBoundsPropertiesTest {

    private enum Verdict { ACCEPTED, CORRUPT, TEXT_TOO_LONG }

    private interface Scan {
        void run(ByteArrayInputStream in) throws IOException;
    }

    private static Verdict verdict(byte[] xml, Scan scan) {
        try {
            scan.run(new ByteArrayInputStream(xml));
            return Verdict.ACCEPTED;
        } catch (SheetFormatException e) {
            return e.getMessage() != null && e.getMessage().contains("超长") ? Verdict.TEXT_TOO_LONG : Verdict.CORRUPT;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Verdict bytes(byte[] xml) {
        return verdict(xml, XmlBounds::scan);
    }

    private static Verdict parser(byte[] xml) {
        return verdict(xml, XlsxGuard::scanXml);
    }

    private static final String[] IN_RANGE = {"A1", "Z9", "AA10", "XFD1", "XFD1048576", "b7", "$C$3", "AZ1", "XEZ2"};
    private static final String[] OUT_OF_RANGE = {"XFE1", "AAAA1", "ZZZZZ1", "zzz1", "$XFE$1", "ZZZ1"};
    private static final String[] TEXT = {"长乐区", "国家健康医疗大数据中心", "360产业园", "a<b", "x & y", "\"引号\" '单'", "  ", "]]",
        "1947.6"};

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attribute(Random r, String name, String value) {
        char quote = r.nextBoolean() ? '"' : '\'';
        String v = value.replace("&", "&amp;").replace("<", "&lt;").replace(String.valueOf(quote), quote == '"' ? "&quot;" : "&apos;");
        String space = r.nextInt(4) == 0 ? " " : "";
        return " " + name + space + "=" + space + quote + v + quote;
    }

    private static String cell(Random r) {
        String name = switch (r.nextInt(6)) {
            case 0 -> "x:c";
            case 1 -> "cc";
            case 2 -> "ac";
            default -> "c";
        };
        String ref = r.nextInt(8) == 0 ? OUT_OF_RANGE[r.nextInt(OUT_OF_RANGE.length)] : IN_RANGE[r.nextInt(IN_RANGE.length)];
        StringBuilder b = new StringBuilder("<").append(name);
        if (r.nextBoolean()) {
            b.append(attribute(r, "s", r.nextBoolean() ? "1" : "a>b"));
        }
        if (r.nextInt(10) != 0) {
            b.append(attribute(r, r.nextInt(10) == 0 ? "x:r" : "r", ref));
        }
        if (r.nextBoolean()) {
            b.append(attribute(r, "t", r.nextBoolean() ? "inlineStr" : "s"));
        }
        if (r.nextInt(5) == 0) {
            return b.append(r.nextBoolean() ? "/>" : " />").toString();
        }
        b.append('>');
        switch (r.nextInt(5)) {
            case 0 -> b.append("<v>").append(r.nextInt(100000)).append("</v>");
            case 1 -> b.append("<is><t>").append(escape(TEXT[r.nextInt(TEXT.length)])).append("</t></is>");
            case 2 -> b.append("<is><t><![CDATA[").append(TEXT[r.nextInt(TEXT.length)].replace("]]", "] ]")).append("]]></t></is>");
            case 3 -> b.append("<!-- ").append(TEXT[r.nextInt(TEXT.length)].replace("-", "")).append(" --><v>1</v>");
            default -> b.append("<?zh note?>").append(escape(TEXT[r.nextInt(TEXT.length)]));
        }
        return b.append("</").append(name).append('>').toString();
    }

    private static byte[] part(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) {
            b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        }
        if (r.nextInt(4) == 0) {
            b.append("<!-- 招商 <c r=\"ZZZZZ1\"> in a comment is no cell -->");
        }
        b.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:x=\"urn:x\"><sheetData>");
        int rows = 1 + r.nextInt(6);
        for (int i = 1; i <= rows; i++) {
            b.append("<row r=\"").append(i).append("\">");
            int cells = r.nextInt(5);
            for (int k = 0; k < cells; k++) {
                b.append(cell(r));
                if (r.nextInt(6) == 0) {
                    b.append(r.nextBoolean() ? "\n  " : "\t");
                }
            }
            b.append("</row>");
        }
        b.append("</sheetData></worksheet>");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theByteScanGivesTheParsersVerdictOnGeneratedParts() {
        Random random = new Random(20171118);
        int refused = 0;
        for (int i = 0; i < 3_000; i++) {
            byte[] xml = part(random);
            Verdict expected = parser(xml);
            assertThat(bytes(xml)).as(new String(xml, StandardCharsets.UTF_8)).isEqualTo(expected);
            refused += expected == Verdict.ACCEPTED ? 0 : 1;
        }
        // both outcomes were tried
        assertThat(refused).isBetween(300, 2_700);
    }

    private static byte[] withText(String text, boolean cdata) {
        String body = cdata ? "<![CDATA[" + text + "]]>" : text;
        return ("<sst><si><t>" + body + "</t></si><si><t>短</t></si></sst>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textAtTheLimitPassesAndOneCharacterMoreIsRefusedInPlainTextAndInCdata() {
        int limit = XlsxGuard.MAX_TEXT_CHARS;
        String cjk = "商".repeat(limit / 2);
        for (boolean cdata : new boolean[]{false, true}) {
            // CDATA's own "]]" is counted by the byte scan: two characters of margin
            int room = cdata ? limit - 2 : limit;
            byte[] at = withText(cjk + "a".repeat(room - cjk.length()), cdata);
            byte[] over = withText(cjk + "a".repeat(limit - cjk.length() + 1), cdata);
            assertThat(bytes(at)).isEqualTo(parser(at)).isEqualTo(Verdict.ACCEPTED);
            assertThat(bytes(over)).isEqualTo(parser(over)).isEqualTo(Verdict.TEXT_TOO_LONG);
        }
        // the length of one text, not of the whole part: many texts just under the limit pass
        String almost = "a".repeat(limit - 10);
        byte[] many = ("<sst><si><t>" + almost + "</t></si><si><t>" + almost + "</t></si></sst>").getBytes(StandardCharsets.UTF_8);
        assertThat(bytes(many)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void whatTheByteScanCannotSeeThroughIsRefused() {
        // a reference spelled with character references: ZZZZ1 to the parser; refused by both
        byte[] spelled = "<x><c r=\"&#90;&#90;&#90;&#90;1\"/></x>".getBytes(StandardCharsets.UTF_8);
        assertThat(parser(spelled)).isEqualTo(Verdict.CORRUPT);
        assertThat(bytes(spelled)).isEqualTo(Verdict.CORRUPT);
        // markup that is not well-formed, behind which a cell could hide from a scan that skipped to a terminator
        assertThat(bytes("<x><![INCLUDE[ <c r=\"ZZZZZ1\"/> ]]></x>".getBytes(StandardCharsets.UTF_8))).isEqualTo(Verdict.CORRUPT);
        assertThat(bytes("<x><!- <c r=\"A1\"/> --></x>".getBytes(StandardCharsets.UTF_8))).isEqualTo(Verdict.CORRUPT);
        // an attribute value with '>' does not end the tag early
        assertThat(bytes("<x><c s=\">\" r=\"ZZZZZ1\"/></x>".getBytes(StandardCharsets.UTF_8))).isEqualTo(Verdict.CORRUPT);
    }

    @Test
    void partsInUtf16OrUtf32GoToTheParser() {
        byte[] utf8 = "<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<'};
        byte[] utf16 = "<x/>".getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16bom = "<x/>".getBytes(StandardCharsets.UTF_16);
        assertThat(XmlBounds.byteScannable(utf8, 4)).isTrue();
        assertThat(XmlBounds.byteScannable(bom, 4)).isTrue();
        assertThat(XmlBounds.byteScannable(" \n<x".getBytes(StandardCharsets.US_ASCII), 4)).isTrue();
        assertThat(XmlBounds.byteScannable(utf16, 4)).isFalse();
        assertThat(XmlBounds.byteScannable(utf16bom, 4)).isFalse();
        assertThat(XmlBounds.byteScannable(new byte[0], 0)).isTrue();
    }
}
