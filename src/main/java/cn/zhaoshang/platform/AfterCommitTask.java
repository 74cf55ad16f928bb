package cn.zhaoshang.platform;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that follows an import's commit on a thread of its own, while the import has answered (merging what it left for
 * later: {@link SearchIndexMerge}, {@link TotalsInbox}). Queued at most once at a time: a run queued and not started yet
 * takes in every commit that asks for it meanwhile.
 */
final class AfterCommitTask {

    private final ExecutorService executor;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong runs = new AtomicLong();
    private final Runnable work;
    private volatile Future<?> last;

    AfterCommitTask(String threadName, Runnable work) {
        this.work = work;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a run once the current transaction commits (none after a rollback, nor outside a transaction). */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule();
                }
            });
        }
    }

    /** Queues a run now, unless one is queued and not started yet. */
    void schedule() {
        if (queued.compareAndSet(false, true)) {
            runs.incrementAndGet();
            last = executor.submit(() -> {
                queued.set(false);
                work.run();
            });
        }
    }

    /** How many runs were queued since start. */
    long runs() {
        return runs.get();
    }

    /** Waits for the run queued last, if any. */
    void awaitLast() throws Exception {
        Future<?> f = last;
        if (f != null) {
            f.get();
        }
    }

    /** Stops taking runs and interrupts the one under way. */
    void shutdownNow() {
        executor.shutdownNow();
    }

    /** Stops taking runs and waits up to {@code wait} for the one under way; whether it ended. */
    boolean shutdownAndWait(Duration wait) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
