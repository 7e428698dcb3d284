package org.arxos.itests;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for asynchronous OSGi effects (DS activation, ConfigAdmin events) with a deadline, never a fixed sleep. */
final class Awaits {

    private Awaits() {
    }

    /** Polls until the condition holds; fails with the description and the last observed value otherwise. */
    static void until(String description, long timeoutMillis, Supplier<Object> observed,
            Predicate<Object> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Object last = null;
        Throwable lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = observed.get();
                lastError = null;
                if (condition.test(last)) {
                    return;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not within " + timeoutMillis + " ms: " + description + "; last observed: "
                + (lastError != null ? lastError : last), lastError);
    }
}
