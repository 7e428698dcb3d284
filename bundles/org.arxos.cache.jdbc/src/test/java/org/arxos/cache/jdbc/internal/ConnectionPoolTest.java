package org.arxos.cache.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionPoolTest {

    @TempDir
    Path folder;

    private ConnectionPool pool(int size, long waitMillis) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("pool").toAbsolutePath());
        return new ConnectionPool(h2, size, waitMillis);
    }

    @Test
    void aConnectionIsReusedAfterWorkThatSucceeded() throws SQLException {
        try (ConnectionPool pool = pool(2, 1_000)) {
            Connection first = pool.run(c -> c);
            assertSame(first, pool.run(c -> c));
        }
    }

    @Test
    void aConnectionIsClosedAfterWorkThatFailed() throws SQLException {
        try (ConnectionPool pool = pool(2, 1_000)) {
            Connection[] used = new Connection[1];
            assertThrows(SQLException.class, () -> pool.run(c -> {
                used[0] = c;
                return c.createStatement().executeQuery("select * from no_such_table");
            }));
            assertTrue(used[0].isClosed());
            assertFalse(pool.run(Connection::isClosed), "a fresh connection replaces it");
        }
    }

    @Test
    void aCallerFailsWhenEveryConnectionStaysBusyPastTheWaitLimit() throws Exception {
        try (ConnectionPool pool = pool(1, 100)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> {
                try {
                    return pool.run(c -> {
                        holding.countDown();
                        awaitQuietly(release);
                        return c;
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            holding.await(10, TimeUnit.SECONDS);
            SQLTransientConnectionException busy = assertThrows(SQLTransientConnectionException.class,
                    () -> pool.run(c -> c));
            assertTrue(busy.getMessage().contains("all 1 connections stayed busy for 100 ms"), busy.getMessage());
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            pool.run(c -> c);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
