package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The runs after commit: at most one queued at a time; a stop waits for the one under way when asked to. */
class AfterCommitTaskTest {

    @Test
    void aRunQueuedAndNotStartedTakesInTheLaterRequests() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        AfterCommitTask task = new AfterCommitTask("test-after-commit", () -> {
            ran.incrementAndGet();
            started.countDown();
            await(release);
        });
        task.schedule();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        // the first run is under way: the next request queues one run, and the ones after it join that run
        task.schedule();
        task.schedule();
        task.schedule();
        assertThat(task.runs()).isEqualTo(2);
        release.countDown();
        task.awaitLast();
        assertThat(ran.get()).isEqualTo(2);
        task.shutdownNow();
    }

    @Test
    void outsideATransactionNothingIsQueuedForACommit() {
        AfterCommitTask task = new AfterCommitTask("test-after-commit", () -> {
        });
        task.afterCommit();
        assertThat(task.runs()).isZero();
        task.shutdownNow();
    }

    @Test
    void aStopWaitsForTheRunUnderWayAsLongAsItIsAllowed() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        AfterCommitTask task = new AfterCommitTask("test-after-commit", () -> {
            started.countDown();
            await(release);
            finished.incrementAndGet();
        });
        task.schedule();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(task.shutdownAndWait(Duration.ofMillis(200))).as("still running").isFalse();
        assertThat(finished.get()).isZero();
        release.countDown();
        assertThat(task.shutdownAndWait(Duration.ofSeconds(10))).isTrue();
        assertThat(finished.get()).as("it was let finish, not interrupted").isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
