package org.arxos.core.internal;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far one import got: bytes read of the total, objects read, and the rates that follow. Written by the importing
 * thread only, read by any (the REST API, the shell); every write is one volatile store, cheap enough to make per
 * object. {@link #reportDue()} says when the next progress line is due, at most once per interval.
 */
final class ImportMeter {

    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final long totalBytes;
    private volatile long bytesRead;
    private volatile long objectsRead;
    private volatile long startNanos = -1;
    private volatile long stopNanos = -1;
    private long nextReportNanos;

    /**
     * @param nanoTime   the clock, {@code System::nanoTime} outside tests
     * @param interval   the least time between two reports, in nanoseconds
     * @param totalBytes the input's length, or -1 when unknown
     */
    ImportMeter(LongSupplier nanoTime, long interval, long totalBytes) {
        this.nanoTime = nanoTime;
        this.intervalNanos = interval;
        this.totalBytes = totalBytes;
    }

    void start() {
        long now = nanoTime.getAsLong();
        startNanos = now;
        nextReportNanos = now + intervalNanos;
    }

    void stop() {
        if (startNanos >= 0 && stopNanos < 0) {
            stopNanos = nanoTime.getAsLong();
        }
    }

    void bytesRead(long more) {
        bytesRead += more;
    }

    void objectsRead(long objects) {
        objectsRead = objects;
    }

    /** True at most once per interval, on the importing thread. */
    boolean reportDue() {
        long now = nanoTime.getAsLong();
        if (startNanos < 0 || now - nextReportNanos < 0) {
            return false;
        }
        nextReportNanos = now + intervalNanos;
        return true;
    }

    long bytesRead() {
        return bytesRead;
    }

    long totalBytes() {
        return totalBytes;
    }

    long objectsRead() {
        return objectsRead;
    }

    /** Bytes read of the total in percent, 0 to 100, or {@code null} when the total is unknown. */
    Double percent() {
        if (totalBytes < 0) {
            return null;
        }
        if (totalBytes == 0) {
            return startNanos >= 0 ? 100.0 : 0.0;
        }
        return Math.min(100.0, bytesRead * 100.0 / totalBytes);
    }

    /** Seconds since the start, up to the stop once stopped; 0 before the start. */
    double elapsedSeconds() {
        long start = startNanos;
        if (start < 0) {
            return 0;
        }
        long end = stopNanos >= 0 ? stopNanos : nanoTime.getAsLong();
        return Math.max(0, end - start) / 1e9;
    }

    /** Objects read per second since the start; 0 before a millisecond has passed. */
    double objectsPerSecond() {
        double seconds = elapsedSeconds();
        return seconds < 0.001 ? 0 : objectsRead / seconds;
    }

    /** E.g. {@code 43 % (1.2 MB of 2.8 MB), 12 345 objects, 8 200 objects/s}. */
    String describe() {
        Double percent = percent();
        String bytes = percent == null ? megabytes(bytesRead)
                : String.format(Locale.ROOT, "%.0f %% (%s of %s)", Math.floor(percent), megabytes(bytesRead),
                        megabytes(totalBytes));
        return bytes + ", " + grouped(objectsRead) + " objects, " + grouped(Math.round(objectsPerSecond()))
                + " objects/s";
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Thousands separated by spaces, as in {@code 12 345}: unambiguous in every locale. */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
