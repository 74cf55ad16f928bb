package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The kept results: given again at their version only, computed once however many ask at once, within the bound. */
class VersionedCacheTest {

    @Test
    void aValueIsGivenAgainAtItsVersionOnly() {
        VersionedCache cache = new VersionedCache(1000);
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.get("k", 1, () -> "v" + computed.incrementAndGet())).isEqualTo("v1");
        assertThat(cache.get("k", 1, () -> "v" + computed.incrementAndGet())).isEqualTo("v1");
        assertThat(cache.get("k", 2, () -> "v" + computed.incrementAndGet())).as("a newer version").isEqualTo("v2");
        assertThat(cache.get("other", 2, () -> "w" + computed.incrementAndGet())).isEqualTo("w3");
        assertThat(cache.counts()).containsExactly(1, 3);
    }

    @Test
    void manyAskingAtOnceWaitForOneComputation() throws Exception {
        VersionedCache cache = new VersionedCache(1000);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<String> first = pool.submit(() -> cache.get("report", 7, () -> {
                computed.incrementAndGet();
                started.countDown();
                await(release);
                return "figures";
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> others = new ArrayList<>();
            List<Thread> askers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> {
                    askers.add(Thread.currentThread());
                    return cache.get("report", 7, () -> {
                        computed.incrementAndGet();
                        return "computed again";
                    });
                }));
            }
            parked(askers, 7); // the others are waiting for the first, not computing
            assertThat(computed).hasValue(1);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("figures");
            for (Future<String> f : others) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("figures");
            }
            assertThat(computed).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedComputationFailsItsWaitersAndIsNotKept() throws Exception {
        VersionedCache cache = new VersionedCache(1000);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> failing = pool.submit(() -> cache.get("k", 1, () -> {
                started.countDown();
                await(release);
                throw new IllegalStateException("the database went away");
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            List<Thread> askers = new CopyOnWriteArrayList<>();
            Future<Object> waiting = pool.submit(() -> {
                askers.add(Thread.currentThread());
                return cache.get("k", 1, () -> "never");
            });
            parked(askers, 1);
            release.countDown();
            for (Future<Object> f : List.of(failing, waiting)) {
                assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                        .hasRootCauseMessage("the database went away");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.get("k", 1, () -> "computed now")).as("nothing kept from the failure").isEqualTo("computed now");
    }

    @Test
    void theBoundCountsRowsAndAHeavierValueIsNotKept() {
        VersionedCache cache = new VersionedCache(100);
        assertThat(computationsOfTwoAsks(cache, "heavy", 150)).as("150 rows of bytes in a bound of 100: computed each time")
                .isEqualTo(2);
        assertThat(computationsOfTwoAsks(cache, "light", 50)).as("50 rows: kept").isEqualTo(1);
        assertThat(VersionedCache.weight(List.of(1, 2, 3))).isEqualTo(4);
        assertThat(VersionedCache.weight("x".repeat(1000))).isEqualTo(11);
    }

    /** Asks twice for serialized bytes weighing that many rows; answers how many times they were computed. */
    private static int computationsOfTwoAsks(VersionedCache cache, String key, int rows) {
        AtomicInteger computed = new AtomicInteger();
        byte[] bytes = new byte[(int) (VersionedCache.ROW_BYTES * rows)];
        for (int i = 0; i < 2; i++) {
            cache.get(key, 1, () -> {
                computed.incrementAndGet();
                return new VersionedCache.Serialized(bytes);
            });
        }
        return computed.get();
    }

    @Test
    void byDefaultTheBoundIsATenthOfTheHeap() {
        VersionedCache cache = new VersionedCache(-1);
        assertThat(cache.bound()).isEqualTo(Runtime.getRuntime().maxMemory() / 10 / VersionedCache.ROW_BYTES);
        assertThat(new VersionedCache(0).enabled()).isFalse();
        AtomicInteger computed = new AtomicInteger();
        VersionedCache off = new VersionedCache(0);
        off.get("k", 1, computed::incrementAndGet);
        off.get("k", 1, computed::incrementAndGet);
        assertThat(computed).as("off: computed every time").hasValue(2);
    }

    /** Waits until that many threads have asked and are parked (waiting for another's computation). */
    private static void parked(List<Thread> askers, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (askers.size() < n || askers.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the askers did not wait: " + askers.stream().map(Thread::getState).toList());
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
