package org.arxos.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.tukaani.xz.XZInputStream;

/**
 * A public cache trace read into memory: the keys in the order they were asked for. Two formats, told apart by the
 * file name: {@code *.trace.gz}, the LIRS authors' traces (gzip'd text, one decimal key per line, {@code *} lines mark
 * checkpoints and are skipped), and {@code *.trace.xz}, the cache2k author's traces (xz'd big-endian 32-bit keys).
 */
record CacheTraceFile(String name, long[] keys) {

    static final String LIRS_SUFFIX = ".trace.gz";
    static final String CACHE2K_SUFFIX = ".trace.xz";

    static boolean isTrace(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(LIRS_SUFFIX) || name.endsWith(CACHE2K_SUFFIX);
    }

    static CacheTraceFile read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        if (fileName.endsWith(LIRS_SUFFIX)) {
            return new CacheTraceFile(fileName.substring(0, fileName.length() - LIRS_SUFFIX.length()), readLirs(file));
        }
        if (fileName.endsWith(CACHE2K_SUFFIX)) {
            return new CacheTraceFile(fileName.substring(0, fileName.length() - CACHE2K_SUFFIX.length()),
                    readCache2k(file));
        }
        throw new IllegalArgumentException(file + " is not a trace: expected a name ending in " + LIRS_SUFFIX
                + " (LIRS) or " + CACHE2K_SUFFIX + " (cache2k)");
    }

    long distinctKeys() {
        return Arrays.stream(keys).distinct().count();
    }

    private static long[] readLirs(Path file) throws IOException {
        Keys keys = new Keys();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String key = line.strip();
                if (key.isEmpty() || key.equals("*")) {
                    continue;
                }
                try {
                    keys.add(Long.parseLong(key));
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + number + ": expected a key (a decimal number) but found '"
                            + key + "'");
                }
            }
        }
        return keys.toArray();
    }

    private static long[] readCache2k(Path file) throws IOException {
        Keys keys = new Keys();
        try (InputStream raw = new XZInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    break;
                }
                try {
                    keys.add(first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedShort());
                } catch (EOFException e) {
                    throw new IOException(file + " ends in the middle of a key: not a cache2k trace?");
                }
            }
        }
        return keys.toArray();
    }

    private static final class Keys {
        private long[] keys = new long[1 << 16];
        private int size;

        void add(long key) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
        }

        long[] toArray() {
            return Arrays.copyOf(keys, size);
        }
    }
}
