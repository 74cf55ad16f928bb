package cn.zhaoshang.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An uploaded sheet read in a thread of its own and handed over in chunks of rows, so that reading the file (Java) and
 * writing what was read (PostgreSQL) overlap; at most two chunks wait, so memory stays bounded whatever the file's size.
 * A reading failure (a corrupt file, too many rows) is thrown by {@link #next()} where the rows would have been.
 */
public final class SheetFeed implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private final Thread reader;
    private volatile boolean closed;
    private List<String> headers = List.of();
    private boolean ended;

    private SheetFeed(String fileName, InputStream in, int maxRows, int chunk) {
        reader = new Thread(() -> read(fileName, in, maxRows, chunk), "sheet-feed");
        reader.setDaemon(true);
        reader.start();
    }

    public static SheetFeed start(String fileName, InputStream in, int maxRows, int chunk) {
        return new SheetFeed(fileName, in, maxRows, chunk);
    }

    private void read(String fileName, InputStream in, int maxRows, int chunk) {
        Object last;
        try {
            Chunker chunker = new Chunker(chunk, maxRows);
            List<String> names = SheetReader.stream(fileName, in, chunker::add);
            if (!chunker.rows.isEmpty()) {
                put(chunker.rows);
            }
            headers = names;
            last = END;
        } catch (RuntimeException | IOException e) {
            last = e;
        }
        try {
            put(last);
        } catch (Abandoned e) {
            // the importer stopped before the end (it found enough to reject the file, or failed): nothing to hand over
        }
    }

    /** Collects rows and hands each full chunk over. */
    private final class Chunker {
        private final int size;
        private final int maxRows;
        private List<SheetRow> rows;
        private int count;

        Chunker(int size, int maxRows) {
            this.size = size;
            this.maxRows = maxRows;
            this.rows = new ArrayList<>(size);
        }

        void add(SheetRow row) {
            if (count++ == maxRows) {
                throw new SheetFormatException("文件数据超过" + maxRows + "行，请分批导入");
            }
            rows.add(row);
            if (rows.size() == size) {
                put(rows);
                rows = new ArrayList<>(size);
            }
        }
    }

    /** Hands the item over, waiting while the importer is busy with the previous chunks; Abandoned once it stopped. */
    private void put(Object item) {
        try {
            while (!closed) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            throw new Abandoned();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned();
        }
    }

    /** The next chunk of rows in file order, null at the end (then {@link #headers()} is known). */
    @SuppressWarnings("unchecked")
    public List<SheetRow> next() throws IOException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof IOException e) {
            ended = true;
            throw e;
        }
        if (item instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        return (List<SheetRow>) item;
    }

    /** The header names, once {@link #next()} answered null. */
    public List<String> headers() {
        return headers;
    }

    /** Stops the reader (the import failed or is done) and waits for it, so the upload is not read after the request. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown in the reader when nobody takes its rows any more. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }
}
