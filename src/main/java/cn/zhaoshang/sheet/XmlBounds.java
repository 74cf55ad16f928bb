package cn.zhaoshang.sheet;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@link XlsxGuard}'s checks of one XML part of a workbook, read as bytes: every cell reference ({@code r} of an element
 * {@code c}) within Excel's columns, and no run of text longer than the limit.
 *
 * <p>The guard used to run a StAX parser over every part before fastexcel parsed them again: for a 20,000-row
 * workbook (16.6 MB of XML) that was 0.2 s on a warm JVM and about 0.6 s in a fresh server's first import, before the
 * first row reached the checks. The bounds need only the markup: element names, one attribute and the length of text,
 * which this finds in one pass over the bytes of a part in UTF-8 or any other encoding in which {@code < > " ' = &} and
 * whitespace are their ASCII bytes and never part of another character (ASCII, ISO-8859-*, GB18030); a part in UTF-16 or
 * UTF-32 goes to the parser as before ({@link #byteScannable}).
 *
 * <p>It errs on the strict side only: text is counted in characters plus the extra characters of its entity references
 * ({@code &amp;} counts five), and a cell reference written with an entity or character reference (Excel never writes
 * one; it could hide a column from this scan) is refused. What is not well-formed is left to fastexcel, as before.
 */
final class XmlBounds {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int length;
    private int at;

    private XmlBounds(InputStream in) {
        this.in = in;
    }

    /**
     * Whether a part that begins with these bytes (up to four; fewer if the part is shorter) can be scanned as bytes: it
     * starts with {@code <} or ASCII whitespace, after an optional UTF-8 byte order mark, and is not UTF-16 or UTF-32.
     */
    static boolean byteScannable(byte[] head, int n) {
        int i = 0;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        if (i >= n) {
            return true; // empty, or only a byte order mark: nothing to scan either way
        }
        for (int k = 0; k < n; k++) {
            if (head[k] == 0) {
                return false; // UTF-16 or UTF-32 without a byte order mark
            }
        }
        int b = head[i] & 0xFF;
        return b == '<' || b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Scans the part to its end; SheetFormatException at the first bound it passes. */
    static void scan(InputStream in) throws IOException {
        new XmlBounds(in).run();
    }

    private int next() throws IOException {
        if (at == length) {
            length = in.read(buffer, 0, BUFFER);
            at = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
        }
        return buffer[at++] & 0xFF;
    }

    private static boolean space(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private void run() throws IOException {
        long text = 0;
        int b = next();
        while (b >= 0) {
            if (b != '<') {
                // one character per byte that does not continue a UTF-8 sequence
                if ((b & 0xC0) != 0x80 && ++text > XlsxGuard.MAX_TEXT_CHARS) {
                    throw XlsxGuard.textTooLong();
                }
                b = next();
                continue;
            }
            b = next();
            if (b == '/') {
                b = skipPast('>');
                text = 0;
            } else if (b == '?') {
                b = skipPast('?', '>');
            } else if (b == '!') {
                b = next();
                if (b == '-') {
                    expect('-');
                    b = skipPast('-', '-', '>');
                } else if (b == '[') {
                    // <![CDATA[ … ]]>: its content is text
                    expect('C', 'D', 'A', 'T', 'A', '[');
                    b = next();
                    int seen = 0;
                    while (b >= 0) {
                        if (b == '>' && seen >= 2) {
                            break;
                        }
                        seen = b == ']' ? seen + 1 : 0;
                        if ((b & 0xC0) != 0x80 && ++text > XlsxGuard.MAX_TEXT_CHARS) {
                            throw XlsxGuard.textTooLong();
                        }
                        b = next();
                    }
                    b = next();
                } else {
                    b = skipDeclaration(b);
                }
            } else if (b >= 0) {
                b = startTag(b);
                text = 0;
            }
        }
    }

    /** Reads a start tag from the first byte of its name; checks {@code r} if it is a cell. Returns the byte after it. */
    private int startTag(int b) throws IOException {
        // the local name is "c" when the name is "c" or ends in ":c"
        int previous = -1;
        int nameLength = 0;
        int last = -1;
        while (b >= 0 && b != '>' && b != '/' && !space(b)) {
            previous = last;
            last = b;
            nameLength++;
            b = next();
        }
        boolean cell = last == 'c' && (nameLength == 1 || previous == ':');
        while (b >= 0) {
            while (space(b) || b == '/') {
                b = next();
            }
            if (b == '>' || b < 0) {
                return next();
            }
            // an attribute: its name, "=", a quoted value; "r" in any namespace, as the parser and fastexcel look it up
            int attributeLength = 0;
            int before = -1;
            int end = -1;
            while (b >= 0 && b != '=' && b != '>' && !space(b)) {
                attributeLength++;
                before = end;
                end = b;
                b = next();
            }
            boolean r = end == 'r' && (attributeLength == 1 || before == ':');
            while (space(b)) {
                b = next();
            }
            if (b != '=') {
                continue; // not well-formed: fastexcel's to report
            }
            b = next();
            while (space(b)) {
                b = next();
            }
            if (b != '"' && b != '\'') {
                continue;
            }
            int quote = b;
            b = next();
            if (cell && r) {
                b = reference(b, quote);
            } else {
                while (b >= 0 && b != quote) {
                    b = next();
                }
            }
            b = next();
        }
        return b;
    }

    /** A cell reference's value from its first byte: at most three letters, within column XFD. Returns its quote. */
    private int reference(int b, int quote) throws IOException {
        if (b == '$') {
            b = next();
        }
        int letters = 0;
        int column = 0;
        boolean inLetters = true;
        while (b >= 0 && b != quote) {
            if (b == '&') {
                throw new SheetFormatException(FileType.CORRUPT_XLSX);
            }
            if (inLetters) {
                int c = b >= 'a' && b <= 'z' ? b - 32 : b;
                if (c >= 'A' && c <= 'Z') {
                    if (++letters > 3) {
                        throw new SheetFormatException(FileType.CORRUPT_XLSX);
                    }
                    column = column * 26 + (c - 'A' + 1);
                } else {
                    inLetters = false;
                }
            }
            b = next();
        }
        if (column > XlsxGuard.MAX_COLUMN) {
            throw new SheetFormatException(FileType.CORRUPT_XLSX);
        }
        return b;
    }

    /** Skips a declaration such as {@code <!DOCTYPE … [ … ]>} from its first byte after "!"; returns the byte after it. */
    private int skipDeclaration(int b) throws IOException {
        int depth = 0;
        int quote = -1;
        while (b >= 0) {
            if (quote >= 0) {
                if (b == quote) {
                    quote = -1;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '[') {
                depth++;
            } else if (b == ']') {
                depth--;
            } else if (b == '>' && depth <= 0) {
                return next();
            }
            b = next();
        }
        return b;
    }

    /**
     * The next bytes must be these: after {@code <!-} only {@code -}, after {@code <![} only {@code CDATA[} are
     * well-formed, and skipping to a terminator that never comes could pass over markup this scan must see.
     */
    private void expect(int... sequence) throws IOException {
        for (int c : sequence) {
            if (next() != c) {
                throw new SheetFormatException(FileType.CORRUPT_XLSX);
            }
        }
    }

    /** Reads up to and including the sequence; returns the byte after it (-1 at the end of the part). */
    private int skipPast(int... sequence) throws IOException {
        int matched = 0;
        int b = next();
        while (b >= 0) {
            if (b == sequence[matched]) {
                if (++matched == sequence.length) {
                    return next();
                }
            } else {
                matched = b == sequence[0] ? 1 : 0;
            }
            b = next();
        }
        return b;
    }
}
