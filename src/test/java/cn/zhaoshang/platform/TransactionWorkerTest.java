package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.support.IntegrationTest;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A worker writes on the transaction's own connection: its rows commit and roll back with the transaction. */
class TransactionWorkerTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    @AfterEach
    void table() {
        jdbc.execute("drop table if exists worker_probe");
    }

    private static TransactionWorker.Task insert(int n) {
        return c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into worker_probe values (" + n + ")");
            }
        };
    }

    @Test
    void tasksRunInOrderInTheCallersTransactionAndRollBackWithIt() {
        jdbc.execute("create table worker_probe (n int primary key)");
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            try (TransactionWorker worker = new TransactionWorker(jdbc, "probe")) {
                for (int i = 1; i <= 5; i++) {
                    worker.submit(insert(i));
                }
                worker.settle();
                // the caller reads what the worker wrote: the same transaction, uncommitted
                seen.addAll(jdbc.queryForList("select n from worker_probe order by n", Integer.class));
            }
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        assertThat(jdbc.queryForObject("select count(*) from worker_probe", Long.class)).isZero();

        tx.executeWithoutResult(status -> {
            try (TransactionWorker worker = new TransactionWorker(jdbc, "probe")) {
                worker.submit(insert(7));
            }
        });
        assertThat(jdbc.queryForList("select n from worker_probe", Integer.class)).as("close waits, then commit").containsExactly(7);
    }

    @Test
    void aTasksFailureIsThrownTranslatedByTheNextCallAndRollsBackTheTransaction() {
        jdbc.execute("create table worker_probe (n int primary key)");
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            try (TransactionWorker worker = new TransactionWorker(jdbc, "probe")) {
                worker.submit(insert(1));
                worker.submit(insert(1));
                worker.settle();
            }
        })).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("worker_probe");
        assertThat(jdbc.queryForObject("select count(*) from worker_probe", Long.class)).isZero();
    }

    @Test
    void closingAfterTheCallerFailedWaitsForTheRunningTask() throws InterruptedException {
        jdbc.execute("create table worker_probe (n int primary key)");
        CountDownLatch started = new CountDownLatch(1);
        long[] finished = {0};
        long[] closed = {0};
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            TransactionWorker worker = new TransactionWorker(jdbc, "probe");
            try {
                worker.submit(c -> {
                    started.countDown();
                    try (Statement s = c.createStatement()) {
                        s.execute("select pg_sleep(0.3)");
                    }
                    finished[0] = System.nanoTime();
                });
                assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
                throw new IllegalStateException("the caller fails while the task runs");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                worker.close();
                closed[0] = System.nanoTime();
            }
        })).hasMessageContaining("the caller fails");
        assertThat(finished[0]).as("the task ended before the connection went back to the rollback").isPositive()
                .isLessThanOrEqualTo(closed[0]);
    }
}
