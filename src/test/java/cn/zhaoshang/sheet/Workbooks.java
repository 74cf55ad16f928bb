package cn.zhaoshang.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds .xlsx bytes in tests with fastexcel's writer, and tampers with their parts. */
final class Workbooks {

    private Workbooks() {
    }

    static byte[] xlsx(Consumer<Worksheet> content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Zhaoshang", "1.0");
        Worksheet sheet = workbook.newWorksheet("项目");
        content.accept(sheet);
        workbook.finish();
        return out.toByteArray();
    }

    /** Copies a zip, replacing the entry {@code name} with {@code replacement} (or adding it). */
    static byte[] replaceEntry(byte[] zip, String name, byte[] replacement) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        try (ZipFile in = open(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    z.write(replacement);
                    replaced = true;
                } else {
                    in.getInputStream(e).transferTo(z);
                }
                z.closeEntry();
            }
            if (!replaced) {
                z.putNextEntry(new ZipEntry(name));
                z.write(replacement);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String entry(byte[] zip, String name) throws IOException {
        try (ZipFile in = open(zip)) {
            ZipEntry e = in.getEntry(name);
            if (e == null) {
                throw new IllegalArgumentException("no entry " + name);
            }
            return new String(in.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // fastexcel streams entries with data descriptors, which ZipInputStream rejects; ZipFile reads them
    private static ZipFile open(byte[] zip) throws IOException {
        Path file = Files.createTempFile("workbook-", ".xlsx");
        Files.write(file, zip);
        file.toFile().deleteOnExit();
        return new ZipFile(file.toFile());
    }

    static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
