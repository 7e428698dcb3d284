package org.arxos.repository.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the chunk rows of one stored value (columns: chunk, data) in order, one row in memory at a time. */
final class ChunkedInputStream extends InputStream {

    private final ResultSet rows;
    private final String what;
    private byte[] current = new byte[0];
    private int position;
    private int expectedChunk;
    private boolean done;

    ChunkedInputStream(ResultSet rows, String what) {
        this.rows = rows;
        this.what = what;
    }

    /** The number of chunk rows read so far. */
    int chunks() {
        return expectedChunk;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (position == current.length) {
            if (done) {
                return false;
            }
            try {
                if (!rows.next()) {
                    done = true;
                    if (expectedChunk == 0) {
                        throw new IOException(what + " has no stored data");
                    }
                    return false;
                }
                int chunk = rows.getInt(1);
                if (chunk != expectedChunk) {
                    throw new IOException(what + " is missing chunk " + expectedChunk + " (found " + chunk + ")");
                }
                expectedChunk++;
                current = rows.getBytes(2);
                position = 0;
            } catch (SQLException e) {
                throw new ChunkedOutputStream.SqlFailure(e);
            }
        }
        return true;
    }
}
