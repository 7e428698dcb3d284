package org.arxos.cache.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * At most a fixed number of connections, reused: a DataSource from a DataSourceFactory opens a physical connection on
 * every call, and an embedded H2 database closes when its last connection does. A caller that finds no free
 * connection within the wait limit fails rather than queueing behind a slow database.
 */
final class ConnectionPool implements AutoCloseable {

    /** Work on a borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final int size;
    private final Semaphore permits;
    private final long waitMillis;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(DataSource dataSource, int size, long waitMillis) {
        this.dataSource = dataSource;
        this.size = size;
        this.permits = new Semaphore(size);
        this.waitMillis = waitMillis;
    }

    /**
     * Runs the work on a connection in auto-commit mode. After a failure the connection is closed, and so are the
     * idle ones when it was the connection that broke (a restarted server leaves them all dead).
     */
    <T> T run(Work<T> work) throws SQLException {
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("all " + size + " connections stayed busy for "
                        + waitMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a connection", e);
        }
        Connection connection = null;
        try {
            if (closed) {
                throw new SQLException("the cache tier is closed");
            }
            connection = idle.pollFirst();
            if (connection == null) {
                connection = dataSource.getConnection();
            }
            T result = work.on(connection);
            idle.addFirst(connection);
            return result;
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                closeQuietly(connection);
                if (e instanceof SQLException sql && isConnectionFailure(sql)) {
                    closeIdle();
                }
            }
            throw e;
        } finally {
            permits.release();
            if (closed) {
                closeIdle();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }

    private static boolean isConnectionFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    private void closeIdle() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // broken already; nothing more to do
        }
    }
}
