package cn.zhaoshang.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The uploaded bytes copied to a private temp file: both readers need to pass over a file more than once. */
final class Upload implements AutoCloseable {

    /** Far above any real import; bounds disk use and the work a hostile upload can cause. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Path path;
    private final long size;
    private final byte[] head;

    private Upload(Path path, long size, byte[] head) {
        this.path = path;
        this.size = size;
        this.head = head;
    }

    /** Copies {@code in} to its end (it is not closed: the caller owns it). */
    static Upload of(InputStream in) throws IOException {
        return of(in, Path.of(System.getProperty("java.io.tmpdir")));
    }

    static Upload of(InputStream in, Path directory) throws IOException {
        Path path = Files.createTempFile(directory, "zhaoshang-sheet-", ".upload");
        try {
            long size = 0;
            byte[] head = new byte[8];
            int headLength = 0;
            try (OutputStream out = Files.newOutputStream(path)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    size += n;
                    if (size > MAX_BYTES) {
                        throw new SheetFormatException("文件超过" + MAX_BYTES / 1024 / 1024 + "MB，请分批导入");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new Upload(path, size, Arrays.copyOf(head, headLength));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    boolean startsWith(int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
