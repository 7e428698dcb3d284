package org.arxos.core.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes written once and then read back as often as needed, by several threads at once if need be: held in memory up
 * to a threshold, in a temporary file beyond it. The file is unlinked as soon as it is open where the system allows
 * (POSIX), so not even a crash leaves it behind; else it is deleted on {@link #close()}.
 *
 * <p>The file is a {@link RandomAccessFile} rather than a {@code FileChannel}: interrupting a thread that reads a
 * channel closes the channel for every reader, and the selector interrupts a compressor that overruns its time limit
 * while the next one reads the same content.
 */
final class Spool extends OutputStream {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);

    private final Path directory;
    private final int memoryBytes;
    private Memory memory = new Memory();
    private Path path;
    private RandomAccessFile file;
    private long size;
    private boolean closed;

    /** @param memoryBytes the most bytes held in memory; more go to a file in {@code directory} */
    Spool(Path directory, int memoryBytes) {
        this.directory = directory;
        this.memoryBytes = memoryBytes;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, b.length);
        if (closed) {
            throw new IOException("the spool is closed");
        }
        if (file == null && size + length > memoryBytes) {
            spill();
        }
        if (file == null) {
            memory.write(b, offset, length);
        } else {
            file.seek(size);
            file.write(b, offset, length);
        }
        size += length;
    }

    private void spill() throws IOException {
        Files.createDirectories(directory);
        path = Files.createTempFile(directory, "arxos-compress-", ".spool");
        file = new RandomAccessFile(path.toFile(), "rw");
        try {
            Files.delete(path);
            path = null;
        } catch (IOException e) {
            // a system that keeps an open file (Windows): deleted on close
        }
        file.write(memory.buffer(), 0, memory.size());
        memory = null;
    }

    synchronized long size() {
        return size;
    }

    /** A stream of everything written so far, independent of the other streams. */
    synchronized InputStream open() throws IOException {
        if (closed) {
            throw new IOException("the spool is closed");
        }
        return file == null ? new ByteArrayInputStream(memory.buffer(), 0, memory.size())
                : new BufferedInputStream(new FileInput(size), 64 * 1024);
    }

    /** Copies everything written so far to {@code out}. */
    void transferTo(OutputStream out) throws IOException {
        try (InputStream in = open()) {
            in.transferTo(out);
        }
    }

    /** Frees the memory and deletes the file; reading and writing fail from now on. */
    @Override
    public synchronized void close() {
        closed = true;
        memory = null;
        if (file == null) {
            return;
        }
        try {
            file.close();
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary compression file {}: {}", path, e.toString());
        }
    }

    private synchronized int read(long position, byte[] b, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the spool is closed");
        }
        file.seek(position);
        return file.read(b, offset, length);
    }

    /** Reads the file from its start to where it ended when opened, at a position of its own. */
    private final class FileInput extends InputStream {

        private final long end;
        private long position;

        FileInput(long end) {
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, b.length);
            if (length == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            int read = Spool.this.read(position, b, offset, (int) Math.min(length, end - position));
            if (read > 0) {
                position += read;
            }
            return read;
        }
    }

    /** A byte array stream whose bytes are read in place. */
    private static final class Memory extends ByteArrayOutputStream {

        byte[] buffer() {
            return buf;
        }
    }
}
