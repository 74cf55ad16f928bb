package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader thread hands every row over in order, and ends quietly however soon the importer closes the feed. */
class SheetFeedTest {

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;

    @BeforeEach
    void watch() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    private static ByteArrayInputStream csv(int rows) {
        StringBuilder b = new StringBuilder("项目名称,总投资(万元)\n");
        for (int i = 1; i <= rows; i++) {
            b.append("项目").append(i).append(',').append(i).append('\n');
        }
        return new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyRowArrivesInChunksInFileOrderThenTheHeaders() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (SheetFeed feed = SheetFeed.start("a.csv", csv(25), 100, 10)) {
            for (List<SheetRow> chunk = feed.next(); chunk != null; chunk = feed.next()) {
                sizes.add(chunk.size());
                chunk.forEach(r -> names.add(r.get("项目名称")));
            }
            assertThat(feed.headers()).containsExactly("项目名称", "总投资(万元)");
            assertThat(feed.next()).isNull();
        }
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(names).hasSize(25).startsWith("项目1", "项目2").endsWith("项目25");
    }

    @Test
    void closingRightAfterTheEndOrBeforeItLeavesNoExceptionInTheReaderThread() throws Exception {
        for (int i = 0; i < 300; i++) {
            try (SheetFeed feed = SheetFeed.start("a.csv", csv(3), 100, 1000)) {
                while (feed.next() != null) {
                    // drained: the importer closes the feed as soon as it has the end
                }
            }
            // and an importer that stops after the first chunk of a longer file
            try (SheetFeed feed = SheetFeed.start("b.csv", csv(50), 100, 5)) {
                assertThat(feed.next()).hasSize(5);
            }
        }
        assertThat(uncaught).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimitInTheMessage() {
        assertThatThrownBy(() -> {
            try (SheetFeed feed = SheetFeed.start("a.csv", csv(30), 20, 7)) {
                while (feed.next() != null) {
                    // the rows before the limit arrive; then the refusal
                }
            }
        }).isInstanceOf(SheetFormatException.class).hasMessageContaining("20");
    }
}
