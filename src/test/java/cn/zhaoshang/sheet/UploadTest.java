package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadTest {

    @TempDir
    Path dir;

    @Test
    void copiesTheBytesAndDeletesThemOnClose() throws IOException {
        Path copy;
        try (Upload upload = Upload.of(new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4, 9}), dir)) {
            copy = upload.path();
            assertThat(upload.size()).isEqualTo(5);
            assertThat(Files.readAllBytes(copy)).containsExactly('P', 'K', 3, 4, 9);
            assertThat(upload.startsWith(0x50, 0x4B, 0x03, 0x04)).isTrue();
            assertThat(upload.startsWith(0x50, 0x4B, 0x03, 0x04, 9, 0)).isFalse(); // longer than the file
        }
        assertThat(copy).doesNotExist();
    }

    @Test
    void refusesAnUploadOverTheLimitAndLeavesNothingBehind() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len; // zeros, without allocating them
            }
        };
        assertThatThrownBy(() -> Upload.of(endless, dir)).isInstanceOf(SheetFormatException.class).hasMessageContaining("64MB");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
