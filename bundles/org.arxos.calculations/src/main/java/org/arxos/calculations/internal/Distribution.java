package org.arxos.calculations.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

import org.arxos.api.compute.CalculationContext;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.ComputeTask;

/**
 * Maps a task over slices on the context's engine. The slices go out as a few consecutive batches submitted at once,
 * so the engine keeps every worker busy while the job's progress moves as batches complete, and a cancelled job
 * stops waiting and cancels what is left. Given an estimate of each slice's work, the largest go out first (longest
 * processing time first): the last jobs of a map are then the small ones, so no worker idles long behind a straggler,
 * and nodes that are handed jobs in turn get nearly equal shares.
 */
final class Distribution {

    /** Batches per map: enough steps of progress, few enough that each batch spreads over every worker. */
    static final int BATCHES = 10;

    private static final long POLL_MILLIS = 50;

    private Distribution() {
    }

    /** The task's results in the slices' order; progress runs from {@code from} to {@code to}. */
    static <T extends Serializable, R extends Serializable> List<R> map(CalculationContext context, List<T> slices,
            ComputeTask<T, R> task, double from, double to) throws Exception {
        int batches = Math.min(BATCHES, slices.size());
        List<CompletableFuture<List<R>>> futures = new ArrayList<>(batches);
        AtomicInteger done = new AtomicInteger();
        for (int b = 0; b < batches; b++) {
            List<T> batch = List.copyOf(slices.subList(slices.size() * b / batches, slices.size() * (b + 1) / batches));
            CompletableFuture<List<R>> future = context.engine().map(batch, task, context.options());
            future.thenRun(() -> context.progress(from + (to - from) * done.incrementAndGet() / batches));
            futures.add(future);
        }
        List<R> results = new ArrayList<>(slices.size());
        try {
            for (CompletableFuture<List<R>> future : futures) {
                results.addAll(await(context, future));
            }
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        return results;
    }

    private static <R> R await(CalculationContext context, CompletableFuture<R> future) throws Exception {
        while (true) {
            if (context.cancelled()) {
                throw new CancellationException("the job was cancelled");
            }
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running: look at the cancel flag again
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ComputeException compute) {
                    throw compute;
                }
                throw new ComputeException(context.options().label() + ": " + e.getCause(), e.getCause());
            }
        }
    }

    /** The task's results in the slices' order, the slices sent largest {@code cost} first. */
    static <T extends Serializable, R extends Serializable> List<R> mapLargestFirst(CalculationContext context,
            List<T> slices, ToLongFunction<T> cost, ComputeTask<T, R> task, double from, double to) throws Exception {
        long[] costs = slices.stream().mapToLong(cost).toArray();
        Integer[] order = new Integer[slices.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -costs[i]).thenComparingInt(i -> i));
        List<T> sent = new ArrayList<>(order.length);
        for (int i : order) {
            sent.add(slices.get(i));
        }
        List<R> received = map(context, sent, task, from, to);
        List<R> results = new ArrayList<>(received);
        for (int k = 0; k < order.length; k++) {
            results.set(order[k], received.get(k));
        }
        return results;
    }

    /** Fails with a CancellationException once the job was cancelled. */
    static void checkCancelled(CalculationContext context) {
        if (context.cancelled()) {
            throw new CancellationException("the job was cancelled");
        }
    }
}
