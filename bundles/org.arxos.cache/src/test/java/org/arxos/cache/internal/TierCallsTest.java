package org.arxos.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tier call past its limit is abandoned, never interrupted: an interrupt in the middle of file I/O closes the
 * channel and breaks a disk store (Ehcache logged an InterruptedException when its first put was cut off).
 */
class TierCallsTest {

    private final TierCalls calls = new TierCalls();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Boolean> interruptedAtEnd = new CompletableFuture<>();

    @AfterEach
    void close() {
        release.countDown();
        calls.close();
    }

    /** Waits for the test to release it, as a slow write would, and reports whether it was interrupted meanwhile. */
    private String slowCall() {
        started.countDown();
        boolean released = false;
        while (!released) {
            try {
                released = release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interruptedAtEnd.complete(true);
                return "interrupted";
            }
        }
        interruptedAtEnd.complete(Thread.currentThread().isInterrupted());
        return "written";
    }

    @Test
    void aCallPastItsLimitFailsTheCallerButRunsOnUninterrupted() throws Exception {
        TimeoutException e = assertThrows(TimeoutException.class,
                () -> calls.call(this::slowCall, Duration.ofMillis(200)));
        assertEquals("gave no answer within 200 ms", e.getMessage());

        release.countDown();
        assertFalse(interruptedAtEnd.get(10, TimeUnit.SECONDS), "the abandoned call was not interrupted");
    }

    @Test
    void aCallerInterruptedWhileWaitingLeavesTheCallRunning() throws Exception {
        Thread caller = Thread.currentThread();
        CompletableFuture.runAsync(() -> {
            await(started);
            caller.interrupt();
        });
        assertThrows(InterruptedException.class, () -> calls.call(this::slowCall, Duration.ofSeconds(10)));

        release.countDown();
        assertFalse(interruptedAtEnd.get(10, TimeUnit.SECONDS), "the call was not interrupted");
    }

    @Test
    void closingLetsRunningCallsEndOnTheirOwn() throws Exception {
        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
            try {
                return calls.call(this::slowCall, Duration.ofSeconds(10));
            } catch (Exception e) {
                return e.toString();
            }
        });
        await(started);
        calls.close();

        release.countDown();
        assertEquals("written", result.get(10, TimeUnit.SECONDS));
        assertFalse(interruptedAtEnd.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aZeroLimitRunsTheCallOnTheCallersThread() throws Exception {
        Thread caller = Thread.currentThread();
        assertTrue(calls.call(() -> Thread.currentThread() == caller, Duration.ZERO));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
