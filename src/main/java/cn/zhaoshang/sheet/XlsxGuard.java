package cn.zhaoshang.sheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Bounds what a hostile .xlsx can make fastexcel-reader allocate, before it reads the file: fastexcel trusts
 * entry counts, inflated sizes and cell references (a cell "ZZZZZZ1" would make it allocate a 300-million-slot row).
 */
final class XlsxGuard {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;
    static final int MAX_TEXT_CHARS = 1024 * 1024;
    static final int MAX_COLUMN = 16_384; // Excel's own limit, column XFD

    private static final String TOO_BIG = "Excel 文件解压后过大，请删除无关的工作表、图片或格式后再上传";
    private static final XMLInputFactory XML = factory();

    private XlsxGuard() {
    }

    static void check(Path file) {
        countEntries(file);
        Budget budget = new Budget();
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (entry.isDirectory() || !zip.canReadEntryData(entry)) {
                    continue; // fastexcel cannot inflate it either
                }
                try (InputStream in = new java.io.BufferedInputStream(budget.wrap(zip.getInputStream(entry)), 1 << 16)) {
                    if (entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels")) {
                        byte[] head = new byte[4];
                        in.mark(head.length);
                        int n = in.readNBytes(head, 0, head.length);
                        in.reset();
                        if (XmlBounds.byteScannable(head, n)) {
                            XmlBounds.scan(in);
                        } else {
                            scanXml(in);
                        }
                    }
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof SheetFormatException s) {
                throw s;
            }
            throw new SheetFormatException(FileType.CORRUPT_XLSX, ex);
        }
    }

    // java.util.zip keeps the central directory as one byte array, so counting costs no per-entry objects
    private static void countEntries(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new SheetFormatException(FileType.CORRUPT_XLSX);
            }
        } catch (IOException | RuntimeException ex) {
            throw ex instanceof SheetFormatException s ? s : new SheetFormatException(FileType.CORRUPT_XLSX, ex);
        }
    }

    /**
     * Checks text lengths and cell references with a parser: for a part that {@link XmlBounds} cannot read as bytes
     * (UTF-16 or UTF-32). Malformed XML is left for fastexcel to reject.
     */
    static void scanXml(InputStream in) {
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            long text = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    text = 0;
                    if ("c".equals(xml.getLocalName())) {
                        checkReference(xml.getAttributeValue(null, "r"));
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    text += xml.getTextLength();
                    if (text > MAX_TEXT_CHARS) {
                        throw textTooLong();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    text = 0;
                }
            }
        } catch (XMLStreamException e) {
            // not well-formed: fastexcel reports it if the part matters
        }
    }

    static SheetFormatException textTooLong() {
        return new SheetFormatException("Excel 文件中有超长的单元格内容，无法读取");
    }

    private static void checkReference(String ref) {
        if (ref == null) {
            return;
        }
        int column = 0;
        int letters = 0;
        for (int i = ref.startsWith("$") ? 1 : 0; i < ref.length(); i++) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            if (++letters > 3) {
                throw new SheetFormatException(FileType.CORRUPT_XLSX);
            }
            column = column * 26 + (c - 'A' + 1);
        }
        if (column > MAX_COLUMN) {
            throw new SheetFormatException(FileType.CORRUPT_XLSX);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory(); // aalto, the parser fastexcel uses
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** Inflated bytes left for the whole workbook. */
    private static final class Budget {
        private long left = MAX_INFLATED_BYTES;

        InputStream wrap(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    spend(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    spend(Math.max(n, 0));
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(n);
                    spend((int) Math.min(skipped, Integer.MAX_VALUE));
                    return skipped;
                }
            };
        }

        private void spend(int n) {
            left -= n;
            if (left < 0) {
                throw new SheetFormatException(TOO_BIG);
            }
        }
    }
}
