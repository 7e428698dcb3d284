package org.arxos.repository.jdbc.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Writes a byte stream as numbered rows of at most {@code chunkBytes} each, so no single value holds a whole snapshot.
 * The statement's parameters 1..3 are already set to tenant, building and revision; this sets 4 (chunk) and 5 (data).
 */
final class ChunkedOutputStream extends OutputStream {

    private final PreparedStatement insert;
    private final byte[] buffer;
    private int length;
    private int chunk;
    private long total;

    ChunkedOutputStream(PreparedStatement insert, int chunkBytes) {
        this.insert = insert;
        this.buffer = new byte[chunkBytes];
    }

    @Override
    public void write(int b) throws IOException {
        if (length == buffer.length) {
            flushChunk();
        }
        buffer[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (length == buffer.length) {
                flushChunk();
            }
            int n = Math.min(len, buffer.length - length);
            System.arraycopy(b, off, buffer, length, n);
            length += n;
            off += n;
            len -= n;
        }
    }

    /** Writes the last, partial chunk; the statement stays open (its owner closes it). */
    @Override
    public void close() throws IOException {
        if (length > 0 || chunk == 0) {
            flushChunk();
        }
    }

    long totalBytes() {
        return total;
    }

    private void flushChunk() throws IOException {
        try {
            insert.setInt(4, chunk++);
            insert.setBytes(5, length == buffer.length ? buffer : Arrays.copyOf(buffer, length));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        total += length;
        length = 0;
    }

    /** Carries an SQLException through the IOException-only stream API, to be unwrapped by the store. */
    static final class SqlFailure extends IOException {
        private static final long serialVersionUID = 1L;

        SqlFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }
}
