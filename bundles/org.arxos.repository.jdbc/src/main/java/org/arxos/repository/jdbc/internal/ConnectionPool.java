package org.arxos.repository.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.sql.DataSource;

/**
 * Keeps a few idle connections: a DataSource from a DataSourceFactory opens a new physical connection on every call,
 * and an embedded H2 database closes (and must be reopened) when its last connection closes.
 */
final class ConnectionPool implements AutoCloseable {

    private static final long VALIDATE_AFTER_IDLE_NANOS = 10_000_000_000L;

    private record Idle(Connection connection, long since) {
    }

    private final DataSource dataSource;
    private final int maxIdle;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(DataSource dataSource, int maxIdle) {
        this.dataSource = dataSource;
        this.maxIdle = maxIdle;
    }

    Connection borrow() throws SQLException {
        while (true) {
            Idle candidate;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the repository is closed");
                }
                candidate = idle.pollFirst();
            }
            if (candidate == null) {
                return dataSource.getConnection();
            }
            if (System.nanoTime() - candidate.since() < VALIDATE_AFTER_IDLE_NANOS || isValid(candidate.connection())) {
                return candidate.connection();
            }
            closeQuietly(candidate.connection());
        }
    }

    /** @param healthy false after an error that may have broken the connection */
    void giveBack(Connection connection, boolean healthy) {
        if (healthy || isValid(connection)) {
            synchronized (this) {
                if (!closed && idle.size() < maxIdle) {
                    idle.addFirst(new Idle(connection, System.nanoTime()));
                    return;
                }
            }
        }
        closeQuietly(connection);
    }

    @Override
    public void close() {
        Deque<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(i -> closeQuietly(i.connection()));
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // already broken; nothing to do
        }
    }
}
